package io.cuepoint.jobs.report;

import java.util.Arrays;

/**
 * Values over stream position in bins of equal width. The width starts at {@link #BASE_WIDTH_MS}
 * and doubles, merging neighbours, whenever a position lies beyond {@link #MAX_BINS} bins, so
 * memory stays bounded however long the stream and however many records fall into it.
 */
final class PositionBins {
  static final long BASE_WIDTH_MS = 5_000;
  static final int MAX_BINS = 1 << 14;

  /** How two values of one bin, or of two merged bins, combine. */
  enum Combine {
    SUM,
    MAX
  }

  private final Combine combine;
  private long widthMs = BASE_WIDTH_MS;
  private long[] values = new long[64];
  private int length;

  PositionBins(Combine combine) {
    this.combine = combine;
  }

  void add(long positionMs, long value) {
    int bin = binOf(positionMs);
    values[bin] = combine == Combine.SUM ? values[bin] + value : Math.max(values[bin], value);
  }

  long widthMs() {
    return widthMs;
  }

  /** Bins up to the last one that holds a value. */
  int length() {
    return length;
  }

  long value(int bin) {
    return bin < length ? values[bin] : 0;
  }

  /** Merges neighbours until the width is {@code target}, a power-of-two multiple of the current width. */
  void coarsenTo(long target) {
    if (target % widthMs != 0 || Long.bitCount(target / widthMs) != 1) {
      throw new IllegalArgumentException(
          "width " + target + " ms is not a power-of-two multiple of " + widthMs + " ms");
    }
    while (widthMs < target) {
      halve();
    }
  }

  /**
   * The values in {@code bins} bins of {@code displayWidthMs} each, a multiple of the width: each
   * combines the bins it covers.
   */
  long[] resample(long displayWidthMs, int bins) {
    if (displayWidthMs % widthMs != 0) {
      throw new IllegalArgumentException(
          "display width " + displayWidthMs + " ms is not a multiple of " + widthMs + " ms");
    }
    int per = (int) (displayWidthMs / widthMs);
    long[] out = new long[bins];
    for (int i = 0; i < length; i++) {
      int target = i / per;
      if (target >= bins) {
        break;
      }
      out[target] = combine == Combine.SUM ? out[target] + values[i] : Math.max(out[target], values[i]);
    }
    return out;
  }

  private int binOf(long positionMs) {
    long position = Math.max(0, positionMs);
    while (position / widthMs >= MAX_BINS) {
      halve();
    }
    int bin = (int) (position / widthMs);
    if (bin >= values.length) {
      values = Arrays.copyOf(values, Math.min(MAX_BINS, Math.max(bin + 1, values.length * 2)));
    }
    length = Math.max(length, bin + 1);
    return bin;
  }

  private void halve() {
    int merged = (length + 1) / 2;
    for (int i = 0; i < merged; i++) {
      long a = values[2 * i];
      long b = 2 * i + 1 < length ? values[2 * i + 1] : 0;
      values[i] = combine == Combine.SUM ? a + b : Math.max(a, b);
    }
    Arrays.fill(values, merged, values.length, 0);
    length = merged;
    widthMs *= 2;
  }
}
