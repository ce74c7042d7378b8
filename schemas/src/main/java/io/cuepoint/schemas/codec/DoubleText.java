package io.cuepoint.schemas.codec;

/**
 * The text of a double exactly as {@link Double#toString(double)} writes it, without its cost for
 * the values the job writes most: confidences, similarities and percentages with at most four
 * decimals. Such a value is the double nearest to a decimal of at most seven digits, so that
 * decimal is its shortest unique form, which is what {@code Double.toString} writes;
 * {@code DoubleTextTest} checks every one of them against {@code Double.toString}. Everything
 * else goes to it.
 */
final class DoubleText {
  /** Below this Double.toString switches to computerized scientific notation. */
  private static final double PLAIN_FROM = 1.0E-3;
  /** Keeps the decimals at seven digits, all of them checked by the test. */
  static final double FAST_BELOW = 1000.0;

  static final int SCALE = 10_000;

  private DoubleText() {}

  /** The value times 10,000 when it is one of the short decimals written here, else -1. */
  static long tenThousandths(double value) {
    if (value >= PLAIN_FROM && value < FAST_BELOW) {
      long n = Math.round(value * SCALE);
      if (n / (double) SCALE == value) {
        return n;
      }
    }
    return -1;
  }

  /**
   * Writes the decimal point and the fraction of a short decimal ({@code n % 10000}), its trailing
   * zeros dropped but at least one digit kept; returns the position after it. Needs 5 chars.
   */
  static int writeFraction(int fraction, char[] buf, int pos) {
    buf[pos++] = '.';
    if (fraction == 0) {
      buf[pos++] = '0';
      return pos;
    }
    int divisor = SCALE / 10;
    while (fraction != 0) {
      int digit = fraction / divisor;
      buf[pos++] = (char) ('0' + digit);
      fraction -= digit * divisor;
      divisor /= 10;
    }
    return pos;
  }
}
