package io.cuepoint.operators.timeline;

import java.io.Serializable;

/** Window shape and filters of the media timeline. */
public class TimelineSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public long windowSizeMs = 15_000L;
  public long windowSlideMs = 5_000L;

  /** Items below this confidence (0 to 100) are left out of the timeline. */
  public double minConfidence = 50.0;

  /** Event time without detections or match updates after which a media's state is dropped. */
  public long mediaIdleTimeoutMs = 1_800_000L;

  public TimelineSettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    require(windowSlideMs > 0, "windowSlideMs must be positive");
    require(
        windowSizeMs > 0 && windowSizeMs % windowSlideMs == 0,
        "windowSizeMs must be a positive multiple of windowSlideMs");
    require(
        minConfidence >= 0.0 && minConfidence <= 100.0, "minConfidence must be between 0 and 100");
    require(
        mediaIdleTimeoutMs >= windowSizeMs,
        "mediaIdleTimeoutMs must be at least windowSizeMs, so every window fires before cleanup");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
