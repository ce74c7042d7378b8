package io.cuepoint.jobs.config;

import io.cuepoint.connectors.rekognition.RekognitionSettings;
import java.util.regex.Pattern;

/**
 * The Rekognition detector's settings, checked before the job starts so a mistake is one line
 * naming the property.
 */
public final class RekognitionConfig {
  private static final Pattern PROJECT_VERSION_ARN =
      Pattern.compile("arn:aws[a-z-]*:rekognition:[a-z0-9-]+:\\d{12}:project/[^/\\s]+/version/[^/\\s]+/\\d+");

  private RekognitionConfig() {}

  public static RekognitionSettings of(CuepointConfig config) {
    RekognitionSettings s = new RekognitionSettings();
    s.enabled = config.get(Settings.REKOGNITION_ENABLED);
    s.detectLabels = config.get(Settings.REKOGNITION_LABELS);
    s.recognizeCelebrities = config.get(Settings.REKOGNITION_CELEBRITIES);
    s.detectCustomLabels = config.get(Settings.REKOGNITION_CUSTOM_LABELS);
    s.projectVersionArn = optional(config.get(Settings.REKOGNITION_PROJECT_VERSION));
    s.minConfidence = config.get(Settings.REKOGNITION_MIN_CONFIDENCE);
    s.maxLabels = config.get(Settings.REKOGNITION_MAX_LABELS);
    s.labelsPerSecond = config.get(Settings.REKOGNITION_LABELS_TPS);
    s.celebritiesPerSecond = config.get(Settings.REKOGNITION_CELEBRITIES_TPS);
    s.customLabelsPerSecond = config.get(Settings.REKOGNITION_CUSTOM_LABELS_TPS);
    s.callTimeoutMs = config.get(Settings.REKOGNITION_CALL_TIMEOUT).toMillis();
    s.retryBudgetMs = config.get(Settings.REKOGNITION_RETRY_BUDGET).toMillis();
    s.initialBackoffMs = config.get(Settings.REKOGNITION_INITIAL_BACKOFF).toMillis();
    s.frameTimeoutMs = config.get(Settings.REKOGNITION_FRAME_TIMEOUT).toMillis();
    s.capacity = config.get(Settings.REKOGNITION_CAPACITY);
    s.labelsPricePerImage = config.get(Settings.REKOGNITION_LABELS_PRICE);
    s.celebritiesPricePerImage = config.get(Settings.REKOGNITION_CELEBRITIES_PRICE);
    s.customLabelsPricePerImage = config.get(Settings.REKOGNITION_CUSTOM_LABELS_PRICE);
    s.region = config.get(Settings.REKOGNITION_REGION);
    s.endpoint = optional(config.get(Settings.REKOGNITION_ENDPOINT));
    s.emulatorCredentials = "emulator".equals(config.get(Settings.AWS_CREDENTIALS));
    check(s);
    return s;
  }

  private static void check(RekognitionSettings s) {
    if (!LiveValues.isRegion(s.region)) {
      fail(Settings.REKOGNITION_REGION, "'" + s.region + "' is not an AWS region (like eu-west-1)");
    }
    if (!s.projectVersionArn.isEmpty() && !PROJECT_VERSION_ARN.matcher(s.projectVersionArn).matches()) {
      fail(
          Settings.REKOGNITION_PROJECT_VERSION,
          "'" + s.projectVersionArn + "' is not a Custom Labels model version ARN"
              + " (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/NAME/TIMESTAMP)");
    }
    if (!s.enabled) {
      return;
    }
    if (!s.detectLabels && !s.recognizeCelebrities && !s.detectCustomLabels) {
      fail(
          Settings.REKOGNITION_ENABLED,
          "needs at least one of " + Settings.REKOGNITION_LABELS.id() + ", "
              + Settings.REKOGNITION_CELEBRITIES.id() + " and " + Settings.REKOGNITION_CUSTOM_LABELS.id());
    }
    if (s.callTimeoutMs <= 0) {
      fail(Settings.REKOGNITION_CALL_TIMEOUT, "must be more than 0");
    }
    if (s.initialBackoffMs <= 0) {
      fail(Settings.REKOGNITION_INITIAL_BACKOFF, "must be more than 0");
    }
    if (s.detectCustomLabels && s.projectVersionArn.isEmpty()) {
      fail(
          Settings.REKOGNITION_PROJECT_VERSION,
          "required with " + Settings.REKOGNITION_CUSTOM_LABELS.id() + " true");
    }
    if (s.frameTimeoutMs <= s.retryBudgetMs + s.callTimeoutMs) {
      fail(
          Settings.REKOGNITION_FRAME_TIMEOUT,
          "must be more than " + Settings.REKOGNITION_RETRY_BUDGET.id() + " + "
              + Settings.REKOGNITION_CALL_TIMEOUT.id() + " (" + (s.retryBudgetMs + s.callTimeoutMs)
              + " ms), so a frame being retried is never cut off");
    }
    try {
      s.validate();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Rekognition settings: " + e.getMessage());
    }
  }

  private static String optional(String value) {
    return "none".equals(value) ? "" : value;
  }

  private static void fail(Setting<?> setting, String why) {
    throw new ConfigException(setting.id() + ": " + why);
  }
}
