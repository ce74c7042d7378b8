package io.cuepoint.connectors.rekognition;

import io.cuepoint.connectors.aws.AwsAccess;
import java.io.Serializable;

/** Which Rekognition APIs look at the frames, where Rekognition is, and how hard it may be used. */
public class RekognitionSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rekognition's limit on an image passed as bytes. */
  public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

  /** Off: no client is made; detections come from the recording instead. */
  public boolean enabled = false;

  public boolean detectLabels = true;
  public boolean recognizeCelebrities = true;
  public boolean detectCustomLabels = false;
  /** Model version DetectCustomLabels runs; required when detectCustomLabels is on. */
  public String projectVersionArn = "";

  /** Items below this confidence (0-100) are not returned (Rekognition's own default is 55). */
  public double minConfidence = 55;
  /** Most labels (DetectLabels) and custom labels (DetectCustomLabels) per frame. */
  public int maxLabels = 20;

  // Rekognition's default quotas are per account and region: 50 TPS for the stateless image APIs
  // in us-east-1, us-west-2 and eu-west-1, and as little as 5 TPS in other regions. The account's
  // other applications share them, so the job takes the smallest regional quota by default: at one
  // analysed frame every 4 s per media (fewer after near-duplicate skipping), 5 TPS serves 20 live
  // media at once. DetectCustomLabels is bounded by the inference units the model runs on.
  /** DetectLabels calls per second for the whole job, split between the detector's subtasks. */
  public double labelsPerSecond = 5;
  public double celebritiesPerSecond = 5;
  public double customLabelsPerSecond = 5;

  /** Time one attempt may take. */
  public long callTimeoutMs = 3_000L;
  /** Throttled, 5xx and timed-out calls are retried until this long after a frame's first attempt. */
  public long retryBudgetMs = 10_000L;
  /** Upper bound of the first retry's random delay; it doubles with every retry. */
  public long initialBackoffMs = 100L;
  /** Time a frame may take in all (waiting for tokens, calls, retries); then it is a dead letter. */
  public long frameTimeoutMs = 60_000L;
  /** Frames in flight per detector subtask before it holds back its input. */
  public int capacity = 100;

  // Prices for the cost estimate, USD per image (list price of the first pricing tier).
  public double labelsPricePerImage = 0.001;
  public double celebritiesPricePerImage = 0.001;
  /** Custom Labels are billed per inference-unit hour, not per image: 0 leaves them out. */
  public double customLabelsPricePerImage = 0;

  public String region = "us-east-1";
  /** Endpoint override (a VPC endpoint, a test server); empty: Rekognition's own. */
  public String endpoint = "";
  /** Sign with fixed fake keys (local test servers) instead of the default credentials chain. */
  public boolean emulatorCredentials = false;

  public RekognitionSettings() {}

  public AwsAccess access() {
    return new AwsAccess(region, endpoint, emulatorCredentials);
  }

  public boolean uses(RekognitionApi api) {
    switch (api) {
      case DETECT_LABELS:
        return detectLabels;
      case RECOGNIZE_CELEBRITIES:
        return recognizeCelebrities;
      default:
        return detectCustomLabels;
    }
  }

  public double callsPerSecond(RekognitionApi api) {
    switch (api) {
      case DETECT_LABELS:
        return labelsPerSecond;
      case RECOGNIZE_CELEBRITIES:
        return celebritiesPerSecond;
      default:
        return customLabelsPerSecond;
    }
  }

  public double pricePerImage(RekognitionApi api) {
    switch (api) {
      case DETECT_LABELS:
        return labelsPricePerImage;
      case RECOGNIZE_CELEBRITIES:
        return celebritiesPricePerImage;
      default:
        return customLabelsPricePerImage;
    }
  }

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    if (!enabled) {
      return;
    }
    require(detectLabels || recognizeCelebrities || detectCustomLabels, "no API is switched on");
    require(
        !detectCustomLabels || !projectVersionArn.isEmpty(),
        "projectVersionArn is required with detectCustomLabels");
    require(minConfidence >= 0 && minConfidence <= 100, "minConfidence must be within 0..100");
    require(maxLabels >= 1, "maxLabels must be at least 1");
    for (RekognitionApi api : RekognitionApi.values()) {
      require(callsPerSecond(api) > 0, api.operation + " calls per second must be positive");
      require(pricePerImage(api) >= 0, api.operation + " price must not be negative");
    }
    require(callTimeoutMs > 0, "callTimeoutMs must be positive");
    require(retryBudgetMs >= 0, "retryBudgetMs must not be negative");
    require(initialBackoffMs > 0, "initialBackoffMs must be positive");
    require(
        frameTimeoutMs > retryBudgetMs + callTimeoutMs,
        "frameTimeoutMs must be more than retryBudgetMs + callTimeoutMs, so a frame being retried"
            + " is never cut off");
    require(capacity >= 1, "capacity must be at least 1");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
