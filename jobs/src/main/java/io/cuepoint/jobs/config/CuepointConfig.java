package io.cuepoint.jobs.config;

import io.cuepoint.operators.match.EventsOfInterestSettings;
import io.cuepoint.operators.timeline.TimelineSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The validated configuration of one run: property groups with command-line overrides on top,
 * every value parsed and checked before the job is built, so a mistake is one line naming the
 * property rather than a failure deep inside a running job.
 */
public final class CuepointConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Object> values;

  private CuepointConfig(Map<String, Object> values) {
    this.values = values;
  }

  public static CuepointConfig defaults() {
    return of(Collections.emptyMap(), Collections.emptyMap());
  }

  /**
   * @param groups property groups, as Managed Flink or a {@code --config} file gives them
   * @param overrides {@code Group.key} to value, applied on top of the groups
   */
  public static CuepointConfig of(Map<String, Properties> groups, Map<String, String> overrides) {
    Map<String, Setting<?>> known = new LinkedHashMap<>();
    for (Setting<?> s : Settings.ALL) {
      known.put(s.id(), s);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    groups.forEach(
        (group, properties) ->
            properties.stringPropertyNames().stream()
                .sorted()
                .forEach(key -> texts.put(group + "." + key, properties.getProperty(key))));
    texts.putAll(overrides);
    for (String id : texts.keySet()) {
      if (!known.containsKey(id)) {
        throw new ConfigException(unknown(id, known.keySet()));
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (Setting<?> s : Settings.ALL) {
      values.put(s.id(), s.parse(texts.getOrDefault(s.id(), s.defaultValue())));
    }
    CuepointConfig config = new CuepointConfig(values);
    config.checkCombinations();
    return config;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting.id());
  }

  public TimelineSettings timeline() {
    TimelineSettings t = new TimelineSettings();
    t.windowSizeMs = get(Settings.TIMELINE_WINDOW_SIZE).toMillis();
    t.windowSlideMs = get(Settings.TIMELINE_WINDOW_SLIDE).toMillis();
    t.minConfidence = get(Settings.TIMELINE_MIN_CONFIDENCE);
    t.mediaIdleTimeoutMs = get(Settings.TIMELINE_IDLE_TIMEOUT).toMillis();
    return t;
  }

  public EventsOfInterestSettings eventsOfInterest() {
    EventsOfInterestSettings e = new EventsOfInterestSettings();
    e.goalFlurryGoals = get(Settings.GOAL_FLURRY_GOALS);
    e.goalFlurryWindowMs = get(Settings.GOAL_FLURRY_WINDOW).toMillis();
    e.closeFinishMinute = get(Settings.CLOSE_FINISH_MINUTE);
    e.socialSurgeWindowMs = get(Settings.SOCIAL_SURGE_WINDOW).toMillis();
    e.socialSurgeBaselineMs = get(Settings.SOCIAL_SURGE_BASELINE).toMillis();
    e.socialSurgeFactor = get(Settings.SOCIAL_SURGE_FACTOR);
    e.socialSurgeMinPosts = get(Settings.SOCIAL_SURGE_MIN_POSTS);
    e.socialSurgeCooldownMs = get(Settings.SOCIAL_SURGE_COOLDOWN).toMillis();
    e.mediaIdleTimeoutMs = get(Settings.MATCH_IDLE_TIMEOUT).toMillis();
    return e;
  }

  private void checkCombinations() {
    long size = get(Settings.TIMELINE_WINDOW_SIZE).toMillis();
    long slide = get(Settings.TIMELINE_WINDOW_SLIDE).toMillis();
    if (slide <= 0) {
      throw new ConfigException(Settings.TIMELINE_WINDOW_SLIDE.id() + ": must be more than 0");
    }
    if (size < slide || size % slide != 0) {
      throw new ConfigException(
          Settings.TIMELINE_WINDOW_SIZE.id()
              + ": "
              + size
              + "ms must be a multiple of "
              + Settings.TIMELINE_WINDOW_SLIDE.id()
              + " ("
              + slide
              + "ms)");
    }
    for (Setting<Duration> positive :
        List.of(
            Settings.WATERMARK_INTERVAL,
            Settings.GOAL_FLURRY_WINDOW,
            Settings.SOCIAL_SURGE_WINDOW,
            Settings.SOCIAL_SURGE_BASELINE,
            Settings.TIMELINE_IDLE_TIMEOUT,
            Settings.MATCH_IDLE_TIMEOUT)) {
      if (get(positive).isZero()) {
        throw new ConfigException(positive.id() + ": must be more than 0");
      }
    }
    // The operators' own rules across settings (e.g. an idle timeout shorter than a rule's span).
    try {
      timeline().validate();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Timeline settings: " + e.getMessage());
    }
    try {
      eventsOfInterest().validate();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("EventsOfInterest settings: " + e.getMessage());
    }
    io.cuepoint.jobs.viewer.ViewerConfig.check(this);
    io.cuepoint.jobs.run.LiveConfig.check(this);
    ShoppableServicesConfig.check(this);
    // Reads the catalog and cue files too, so a missing file stops the run before it starts.
    OverlayConfig.of(this);
    RekognitionConfig.of(this);
  }

  private static String unknown(String id, Iterable<String> known) {
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (String k : known) {
      int d = editDistance(id, k);
      if (d < best) {
        best = d;
        closest = k;
      }
    }
    String hint = best <= 3 ? " (did you mean " + closest + "?)" : " (see the README's configuration table)";
    return "unknown property " + id + hint;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
