package io.cuepoint.operators.shoppable;

import java.io.Serializable;

/** How product sightings are merged into shoppable spans. */
public final class ShoppableSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Longest stretch without a sighting that still continues a span, in stream position (and
   * event time, for deciding that a span has ended).
   */
  public final long gapToleranceMs;

  public ShoppableSettings(long gapToleranceMs) {
    if (gapToleranceMs < 0) {
      throw new IllegalArgumentException("gap tolerance must not be negative, got " + gapToleranceMs);
    }
    this.gapToleranceMs = gapToleranceMs;
  }
}
