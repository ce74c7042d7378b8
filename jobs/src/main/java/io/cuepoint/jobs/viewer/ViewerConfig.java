package io.cuepoint.jobs.viewer;

import io.cuepoint.connectors.personalize.PersonalizeSettings;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Setting;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.viewer.PersonalizeContext;
import io.cuepoint.operators.viewer.ViewerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The viewer-engagement settings, checked and turned into what the operators take. */
public final class ViewerConfig {
  /** A text setting with this value is not set. */
  public static final String NONE = "none";

  private static final Pattern CAMPAIGN_ARN =
      Pattern.compile("arn:aws[a-z-]*:personalize:[a-z0-9-]+:\\d{12}:campaign/[A-Za-z0-9_.-]+");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  private ViewerConfig() {}

  /** Throws a {@link ConfigException} naming the first setting that cannot be used. */
  public static void check(CuepointConfig config) {
    for (Setting<String> file :
        List.of(Settings.VIEWER_WIDGETS, Settings.VIEWER_PRODUCTS, Settings.VIEWER_INTERACTIONS)) {
      optionalFile(config, file);
    }
    mediaAttributes(config);
    viewerSettings(config);
    for (Setting<String> arn :
        List.of(Settings.PERSONALIZE_WIDGET_CAMPAIGN, Settings.PERSONALIZE_OFFER_CAMPAIGN)) {
      String value = optional(config, arn);
      if (!value.isEmpty() && !CAMPAIGN_ARN.matcher(value).matches()) {
        throw new ConfigException(
            arn.id() + ": '" + value + "' is not a Personalize campaign ARN"
                + " (arn:aws:personalize:REGION:ACCOUNT:campaign/NAME)");
      }
    }
    if (optional(config, Settings.PERSONALIZE_WIDGET_CAMPAIGN).isEmpty()
        && !optional(config, Settings.PERSONALIZE_OFFER_CAMPAIGN).isEmpty()) {
      throw new ConfigException(
          Settings.PERSONALIZE_OFFER_CAMPAIGN.id() + ": needs "
              + Settings.PERSONALIZE_WIDGET_CAMPAIGN.id() + " too");
    }
    if (!REGION.matcher(config.get(Settings.PERSONALIZE_REGION)).matches()) {
      throw new ConfigException(
          Settings.PERSONALIZE_REGION.id() + ": '" + config.get(Settings.PERSONALIZE_REGION)
              + "' is not a region (e.g. eu-west-1)");
    }
    String endpoint = optional(config, Settings.PERSONALIZE_ENDPOINT);
    if (!endpoint.isEmpty()) {
      try {
        URI uri = new URI(endpoint);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          throw new URISyntaxException(endpoint, "not http(s)://host[:port]");
        }
      } catch (URISyntaxException e) {
        throw new ConfigException(
            Settings.PERSONALIZE_ENDPOINT.id() + ": '" + endpoint + "' is not an http(s)://host[:port] URL");
      }
    }
    if (config.get(Settings.PERSONALIZE_CALL_TIMEOUT).isZero()) {
      throw new ConfigException(Settings.PERSONALIZE_CALL_TIMEOUT.id() + ": must be more than 0");
    }
  }

  public static ViewerSettings viewerSettings(CuepointConfig config) {
    ViewerSettings s = new ViewerSettings();
    s.decisionIntervalMs = config.get(Settings.VIEWER_DECISION_INTERVAL).toMillis();
    s.viewerIdleTimeoutMs = config.get(Settings.VIEWER_IDLE_TIMEOUT).toMillis();
    s.mediaIdleTimeoutMs = config.get(Settings.VIEWER_MEDIA_IDLE_TIMEOUT).toMillis();
    s.discountPercent = config.get(Settings.VIEWER_DISCOUNT);
    if (s.viewerIdleTimeoutMs <= 0) {
      throw new ConfigException(Settings.VIEWER_IDLE_TIMEOUT.id() + ": must be more than 0");
    }
    if (s.mediaIdleTimeoutMs <= 0) {
      throw new ConfigException(Settings.VIEWER_MEDIA_IDLE_TIMEOUT.id() + ": must be more than 0");
    }
    return s;
  }

  public static PersonalizeSettings personalize(CuepointConfig config) {
    PersonalizeSettings p = new PersonalizeSettings();
    p.widgetCampaignArn = optional(config, Settings.PERSONALIZE_WIDGET_CAMPAIGN);
    p.offerCampaignArn = optional(config, Settings.PERSONALIZE_OFFER_CAMPAIGN);
    p.region = config.get(Settings.PERSONALIZE_REGION);
    p.endpoint = optional(config, Settings.PERSONALIZE_ENDPOINT);
    p.trackingId = optional(config, Settings.PERSONALIZE_TRACKING_ID);
    p.callsPerSecond = config.get(Settings.PERSONALIZE_TPS);
    p.cacheTtlMs = config.get(Settings.PERSONALIZE_CACHE_TTL).toMillis();
    p.retryBudgetMs = config.get(Settings.PERSONALIZE_RETRY_BUDGET).toMillis();
    p.callTimeoutMs = config.get(Settings.PERSONALIZE_CALL_TIMEOUT).toMillis();
    p.callsInFlight = config.get(Settings.PERSONALIZE_CALLS_IN_FLIGHT);
    return p;
  }

  /**
   * {@code MEDIA_ID:KEY=VALUE,KEY=VALUE;MEDIA_ID:...} as media id to context entries; keys are
   * made Personalize-safe as every context key is.
   */
  public static Map<String, Map<String, String>> mediaAttributes(CuepointConfig config) {
    Setting<String> setting = Settings.VIEWER_MEDIA_ATTRIBUTES;
    String text = optional(config, setting);
    if (text.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String media : text.split(";")) {
      if (media.isBlank()) {
        continue;
      }
      int colon = media.indexOf(':');
      if (colon <= 0) {
        throw new ConfigException(
            setting.id() + ": '" + media.trim() + "' is not MEDIA_ID:KEY=VALUE,KEY=VALUE");
      }
      String mediaId = media.substring(0, colon).trim();
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String pair : media.substring(colon + 1).split(",")) {
        int eq = pair.indexOf('=');
        String key = eq <= 0 ? "" : PersonalizeContext.key(pair.substring(0, eq).trim());
        String value = eq <= 0 ? "" : pair.substring(eq + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
          throw new ConfigException(
              setting.id() + ": '" + pair.trim() + "' of media " + mediaId + " is not KEY=VALUE");
        }
        attributes.put(key, value);
      }
      if (out.put(mediaId, attributes) != null) {
        throw new ConfigException(setting.id() + ": media " + mediaId + " appears twice");
      }
    }
    return out;
  }

  /** The path of a file setting, or null when it is not set. */
  static Path optionalFile(CuepointConfig config, Setting<String> setting) {
    String value = optional(config, setting);
    if (value.isEmpty()) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigException(
          setting.id() + ": " + value + " is not a readable file (relative paths start at "
              + Path.of("").toAbsolutePath() + ")");
    }
    return path;
  }

  static String optional(CuepointConfig config, Setting<String> setting) {
    String value = config.get(setting);
    return value == null || value.isEmpty() || NONE.equals(value) ? "" : value;
  }
}
