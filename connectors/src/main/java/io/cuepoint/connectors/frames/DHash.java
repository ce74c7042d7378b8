package io.cuepoint.connectors.frames;

/**
 * 64-bit difference hash: the picture's luma averaged over a 9 x 8 grid of boxes, one bit per
 * pair of horizontal neighbours (set when the left box is brighter). Box averages (rather than
 * resampling to 9 x 8 pixels) make it stable against per-pixel noise and compression artefacts.
 */
public final class DHash {
  static final int COLUMNS = 9;
  static final int ROWS = 8;

  private DHash() {}

  /**
   * The hash of a picture in packed 3-byte pixels, blue-green-red (as JavaCV and {@code
   * BufferedImage.TYPE_3BYTE_BGR} lay them out), rows {@code stride} bytes apart.
   */
  public static long ofBgr(byte[] pixels, int width, int height, int stride) {
    if (width < COLUMNS || height < ROWS) {
      throw new IllegalArgumentException("picture of " + width + "x" + height + " is too small to hash");
    }
    long[] sums = new long[COLUMNS * ROWS];
    long[] counts = new long[COLUMNS * ROWS];
    for (int y = 0; y < height; y++) {
      int row = y * ROWS / height;
      int offset = y * stride;
      for (int x = 0; x < width; x++) {
        int i = offset + 3 * x;
        int b = pixels[i] & 0xFF;
        int g = pixels[i + 1] & 0xFF;
        int r = pixels[i + 2] & 0xFF;
        int cell = row * COLUMNS + x * COLUMNS / width;
        sums[cell] += 299 * r + 587 * g + 114 * b;
        counts[cell]++;
      }
    }
    long hash = 0;
    for (int row = 0; row < ROWS; row++) {
      for (int column = 0; column < COLUMNS - 1; column++) {
        int left = row * COLUMNS + column;
        // Compare the means without dividing: left / nLeft > right / nRight.
        boolean brighter = sums[left] * counts[left + 1] > sums[left + 1] * counts[left];
        hash = (hash << 1) | (brighter ? 1L : 0L);
      }
    }
    return hash;
  }
}
