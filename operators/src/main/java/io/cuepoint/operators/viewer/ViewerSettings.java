package io.cuepoint.operators.viewer;

import java.io.Serializable;

/** Timing and offers of viewer decisions. */
public class ViewerSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** At most one decision per viewer this often for on-screen product changes. */
  public long decisionIntervalMs = 60_000L;

  /** A viewer with no event for this long is treated as gone and their state is cleared. */
  public long viewerIdleTimeoutMs = 300_000L;

  /** A media with no live update for this long has its live context cleared. */
  public long mediaIdleTimeoutMs = 3_600_000L;

  /** Discount offered on related products, percent. */
  public double discountPercent = 20.0;

  public ViewerSettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    if (decisionIntervalMs < 0) {
      throw new IllegalArgumentException("decisionIntervalMs must not be negative");
    }
    if (viewerIdleTimeoutMs <= 0) {
      throw new IllegalArgumentException("viewerIdleTimeoutMs must be positive");
    }
    if (mediaIdleTimeoutMs <= 0) {
      throw new IllegalArgumentException("mediaIdleTimeoutMs must be positive");
    }
    if (!(discountPercent > 0 && discountPercent <= 100)) {
      throw new IllegalArgumentException("discountPercent must be more than 0 and at most 100");
    }
  }
}
