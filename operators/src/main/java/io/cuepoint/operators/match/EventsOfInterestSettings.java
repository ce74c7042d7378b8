package io.cuepoint.operators.match;

import java.io.Serializable;

/** Thresholds of the events-of-interest rules. */
public class EventsOfInterestSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Seen event ids are kept at least this long, so a late redelivery is still recognised. */
  private static final long MIN_SEEN_ID_RETENTION_MS = 3_600_000L;

  /** Goals within {@link #goalFlurryWindowMs} that make a flurry. */
  public int goalFlurryGoals = 3;

  public long goalFlurryWindowMs = 600_000L;

  /** Match minute from which a level score is a close finish. */
  public int closeFinishMinute = 85;

  /** The recent window whose posts are compared with the baseline; whole seconds. */
  public long socialSurgeWindowMs = 60_000L;

  /** The span before the recent window that gives the usual rate; whole seconds. */
  public long socialSurgeBaselineMs = 600_000L;

  /** How many times the baseline rate the recent window must reach. */
  public double socialSurgeFactor = 3.0;

  /** Posts the recent window must hold at least. */
  public int socialSurgeMinPosts = 20;

  /** Quiet time after a surge before another can be raised. */
  public long socialSurgeCooldownMs = 300_000L;

  /** Event time without match events after which a media's state is dropped. */
  public long mediaIdleTimeoutMs = 3_600_000L;

  public EventsOfInterestSettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    require(goalFlurryGoals >= 1, "goalFlurryGoals must be at least 1");
    require(goalFlurryWindowMs > 0, "goalFlurryWindowMs must be positive");
    require(closeFinishMinute >= 0, "closeFinishMinute must not be negative");
    require(
        socialSurgeWindowMs > 0 && socialSurgeWindowMs % 1000 == 0,
        "socialSurgeWindowMs must be a positive number of whole seconds");
    require(
        socialSurgeBaselineMs > 0 && socialSurgeBaselineMs % 1000 == 0,
        "socialSurgeBaselineMs must be a positive number of whole seconds");
    require(
        socialSurgeFactor > 0 && !Double.isInfinite(socialSurgeFactor),
        "socialSurgeFactor must be a positive number");
    require(socialSurgeMinPosts >= 1, "socialSurgeMinPosts must be at least 1");
    require(socialSurgeCooldownMs >= 0, "socialSurgeCooldownMs must not be negative");
    require(
        mediaIdleTimeoutMs >= longestRuleSpanMs(),
        "mediaIdleTimeoutMs must cover goalFlurryWindowMs, socialSurgeWindowMs + "
            + "socialSurgeBaselineMs and socialSurgeCooldownMs (at least "
            + longestRuleSpanMs()
            + ")");
  }

  /** How long a seen event id must be remembered behind the watermark. */
  long seenIdRetentionMs() {
    return Math.max(
        Math.max(goalFlurryWindowMs, socialSurgeBaselineMs + socialSurgeWindowMs),
        MIN_SEEN_ID_RETENTION_MS);
  }

  // Clearing an idle media must not change any rule's result, so idleness outlasts every span.
  private long longestRuleSpanMs() {
    return Math.max(
        Math.max(goalFlurryWindowMs, socialSurgeWindowMs + socialSurgeBaselineMs),
        socialSurgeCooldownMs);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
