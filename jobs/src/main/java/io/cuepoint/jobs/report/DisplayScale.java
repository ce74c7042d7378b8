package io.cuepoint.jobs.report;

/**
 * The bins a media's timeline and charts are drawn in: a round width ("15 s", "1 min") that
 * gives at most {@link #MAX_BINS} bins over the stream, so a 3-hour event draws as many bins as
 * a 20-minute one.
 */
final class DisplayScale {
  static final int MAX_BINS = 720;
  private static final long[] ROUND_WIDTHS_MS = {
    5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
    3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000
  };

  final long binMs;
  final int bins;

  private DisplayScale(long binMs, int bins) {
    this.binMs = binMs;
    this.bins = bins;
  }

  /**
   * @param endPositionMs the last position drawn
   * @param minBinMs no narrower than this (the timeline's slide, so that windows leave no gaps)
   * @param storedBinMs the width the values are stored in; the result is a multiple of it
   */
  static DisplayScale of(long endPositionMs, long minBinMs, long storedBinMs) {
    long target = Math.max(Math.max(minBinMs, storedBinMs), ceilDiv(endPositionMs + 1, MAX_BINS));
    long width = storedBinMs * ceilDiv(target, storedBinMs);
    for (long round : ROUND_WIDTHS_MS) {
      if (round >= target && round % storedBinMs == 0) {
        width = round;
        break;
      }
    }
    int bins = (int) Math.max(1, ceilDiv(endPositionMs + 1, width));
    return new DisplayScale(width, bins);
  }

  long durationMs() {
    return binMs * bins;
  }

  int binOf(long positionMs) {
    return (int) Math.min(bins - 1, Math.max(0, positionMs / binMs));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
