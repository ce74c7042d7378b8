package io.cuepoint.schemas.codec;

/**
 * Writes a double exactly as {@link Double#toString(double)} does, without its cost for the values
 * the job writes most: confidences, similarities and percentages with at most four decimals. Such
 * a value is the double nearest to a decimal of at most seven digits, so that decimal is its
 * shortest unique form, which is what {@code Double.toString} writes; {@code DoubleTextTest}
 * checks every one of them against {@code Double.toString}. Everything else goes to it.
 */
final class DoubleText {
  /** Below this Double.toString switches to computerized scientific notation. */
  private static final double PLAIN_FROM = 1.0E-3;
  /** Keeps the decimals at seven digits, all of them checked by the test. */
  static final double FAST_BELOW = 1000.0;

  static final int SCALE = 10_000;

  private DoubleText() {}

  static void append(StringBuilder out, double value) {
    if (value >= PLAIN_FROM && value < FAST_BELOW) {
      long tenThousandths = Math.round(value * SCALE);
      if (tenThousandths / (double) SCALE == value) {
        appendTenThousandths(out, (int) tenThousandths);
        return;
      }
    }
    out.append(value);
  }

  /** {@code n / 10000} with its fraction's trailing zeros dropped, keeping at least one digit. */
  static void appendTenThousandths(StringBuilder out, int n) {
    out.append(n / SCALE).append('.');
    int fraction = n % SCALE;
    if (fraction == 0) {
      out.append('0');
      return;
    }
    int divisor = SCALE / 10;
    while (fraction != 0) {
      int digit = fraction / divisor;
      out.append((char) ('0' + digit));
      fraction -= digit * divisor;
      divisor /= 10;
    }
  }
}
