package io.cuepoint.schemas.codec;

/** Lookup tables for writing decimal numbers two digits at a time. */
final class DigitPairs {
  /** The tens digit of 0 to 99. */
  static final char[] TENS = new char[100];
  /** The ones digit of 0 to 99. */
  static final char[] ONES = new char[100];
  /** 10^0 to 10^18, every power of ten a long holds. */
  static final long[] POWERS_OF_TEN = new long[19];

  static {
    for (int i = 0; i < 100; i++) {
      TENS[i] = (char) ('0' + i / 10);
      ONES[i] = (char) ('0' + i % 10);
    }
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DigitPairs() {}
}
