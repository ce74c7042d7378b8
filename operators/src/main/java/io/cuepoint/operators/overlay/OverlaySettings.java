package io.cuepoint.operators.overlay;

import java.io.Serializable;

/** When a product counts as on screen, and how long overlays stay up and stay away. */
public class OverlaySettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Items below this confidence (0 to 100) do not put a product on screen. */
  public double minConfidence = 80.0;

  /** Consecutive frames (detection records of one media and source) that must name a product. */
  public int minFrames = 1;

  /** Event time from a SHOW to its CLEAR. */
  public long showDurationMs = 120_000L;

  /** Event time after a product's SHOW before the same channel may show it again. */
  public long cooldownMs = 600_000L;

  /** Event time between re-sends of the overlay that is up; 0 turns re-sending off. */
  public long resendIntervalMs = 10_000L;

  /** Event time without frames after which a media's or channel's overlay state is dropped. */
  public long idleTimeoutMs = 3_600_000L;

  public OverlaySettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    require(minConfidence >= 0.0 && minConfidence <= 100.0, "minConfidence must be between 0 and 100");
    require(minFrames >= 1, "minFrames must be at least 1");
    require(showDurationMs > 0, "showDurationMs must be positive");
    require(cooldownMs >= 0, "cooldownMs must not be negative");
    require(resendIntervalMs >= 0, "resendIntervalMs must not be negative");
    require(
        idleTimeoutMs >= showDurationMs && idleTimeoutMs >= cooldownMs,
        "idleTimeoutMs must be at least showDurationMs and cooldownMs, so idle cleanup never"
            + " cuts an overlay or a cooldown short");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
