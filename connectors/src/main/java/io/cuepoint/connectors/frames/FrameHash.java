package io.cuepoint.connectors.frames;

/** Distance between perceptual hashes. */
public final class FrameHash {
  private FrameHash() {}

  /** Number of bits in which two 64-bit hashes differ (0: alike, about 32: unrelated). */
  public static int hamming(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
