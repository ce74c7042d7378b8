package io.cuepoint.connectors.frames;

/**
 * Picks, for each multiple of the interval on the stream's positions, the first frame at or
 * after it. Frames are looked at one by one with the position of the frame before them, so the
 * grid runs on across segments decoded independently of each other.
 */
final class SamplingGrid {
  private final long intervalMs;

  SamplingGrid(long intervalMs) {
    this.intervalMs = intervalMs;
  }

  /** Whether a multiple of the interval lies in (previousMs, positionMs]. */
  boolean picks(long previousMs, long positionMs) {
    return Math.floorDiv(positionMs, intervalMs) > Math.floorDiv(previousMs, intervalMs);
  }
}
