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
  /** Room {@link #writeFraction} needs: the point and four digits. */
  static final int FRACTION_CHARS = 5;

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
   * zeros dropped but at least one digit kept; returns the position after it. Needs
   * {@link #FRACTION_CHARS} chars.
   */
  static int writeFraction(int fraction, char[] buf, int pos) {
    // All four digits are written, two at a time; the position then leaves out trailing zeros.
    int high = fraction / 100;
    int low = fraction - high * 100;
    buf[pos] = '.';
    buf[pos + 1] = DigitPairs.TENS[high];
    buf[pos + 2] = DigitPairs.ONES[high];
    buf[pos + 3] = DigitPairs.TENS[low];
    buf[pos + 4] = DigitPairs.ONES[low];
    int digits;
    if (low != 0) {
      digits = low % 10 != 0 ? 4 : 3;
    } else {
      // A whole number keeps one zero: ".0".
      digits = high % 10 != 0 ? 2 : 1;
    }
    return pos + 1 + digits;
  }
}
