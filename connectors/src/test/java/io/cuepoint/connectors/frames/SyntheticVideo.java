package io.cuepoint.connectors.frames;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

/**
 * Paints the frames of a synthetic video whose scene changes at known positions. Each scene is a
 * seeded arrangement of coloured blocks (visually distinct from the others); every frame adds
 * noise and a small moving square, so no two frames are byte-identical, and carries its own
 * frame index as a barcode so a decoded picture can be matched to the frame that made it.
 */
public final class SyntheticVideo {
  static final int BARCODE_BITS = 14;
  static final int BARCODE_CELL_WIDTH = 6;
  static final int BARCODE_HEIGHT = 8;
  static final int BARCODE_X = 4;

  public final int width;
  public final int height;
  public final int fps;
  public final int frameCount;
  /** Stream positions (ms) at which a new scene starts, ascending, the first scene excluded. */
  public final long[] sceneChangesMs;
  private final long seed;
  private final byte[][] scenes;

  public SyntheticVideo(int width, int height, int fps, long durationMs, long[] sceneChangesMs, long seed) {
    if (1000 % fps != 0) {
      throw new IllegalArgumentException("fps must divide 1000 so frame positions are whole ms");
    }
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.frameCount = (int) (durationMs * fps / 1000);
    this.sceneChangesMs = sceneChangesMs.clone();
    this.seed = seed;
    this.scenes = new byte[sceneChangesMs.length + 1][];
    for (int s = 0; s < scenes.length; s++) {
      scenes[s] = paintScene(new Random(seed * 1_000_003L + s));
    }
  }

  /** Puts a picture into a scene at (x, y), under the noise, moving square and barcode of each frame. */
  public SyntheticVideo draw(int scene, BufferedImage picture, int x0, int y0) {
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        int rgb = picture.getRGB(x, y);
        fill(scenes[scene], x0 + x, y0 + y, 1, 1, rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF);
      }
    }
    return this;
  }

  /** Scene changes spread over the video at uneven, seeded times, at least minGapMs apart. */
  public static long[] sceneChanges(long durationMs, int changes, long minGapMs, long seed) {
    Random random = new Random(seed);
    long slot = durationMs / (changes + 1);
    long[] at = new long[changes];
    for (int i = 0; i < changes; i++) {
      long jitter = (long) ((random.nextDouble() - 0.5) * (slot - minGapMs));
      at[i] = slot * (i + 1) + jitter;
    }
    Arrays.sort(at);
    return at;
  }

  public long frameMs() {
    return 1000L / fps;
  }

  public long positionOf(int frame) {
    return frame * frameMs();
  }

  /** Index of the scene shown at a position. */
  public int sceneAt(long positionMs) {
    int scene = 0;
    while (scene < sceneChangesMs.length && sceneChangesMs[scene] <= positionMs) {
      scene++;
    }
    return scene;
  }

  /** The frame's pixels, packed blue-green-red, rows 3 * width bytes long. */
  public byte[] paint(int frame) {
    byte[] pixels = scenes[sceneAt(positionOf(frame))].clone();
    long state = seed ^ (0x9E3779B97F4A7C15L * (frame + 1));
    for (int i = 0; i < pixels.length; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      int noise = (int) ((state & 0xF) - 8);
      pixels[i] = (byte) Math.max(0, Math.min(255, (pixels[i] & 0xFF) + noise));
    }
    int square = Math.max(8, height / 10);
    int x = frame % (width - square);
    fill(pixels, x, height / 3, square, square, 240, 240, 240);
    paintBarcode(pixels, frame);
    return pixels;
  }

  /** Reads the frame index back from a decoded picture (packed BGR, the video's size). */
  public int readBarcode(byte[] pixels, int stride) {
    int index = 0;
    int y = height - BARCODE_HEIGHT / 2 - 2;
    for (int bit = 0; bit < BARCODE_BITS; bit++) {
      int left = BARCODE_X + 2 * bit * BARCODE_CELL_WIDTH + BARCODE_CELL_WIDTH / 2;
      int right = left + BARCODE_CELL_WIDTH;
      boolean one = luma(pixels, stride, left, y) > luma(pixels, stride, right, y);
      index = (index << 1) | (one ? 1 : 0);
    }
    return index;
  }

  private static int luma(byte[] pixels, int stride, int x, int y) {
    int i = y * stride + 3 * x;
    return (pixels[i] & 0xFF) + (pixels[i + 1] & 0xFF) + (pixels[i + 2] & 0xFF);
  }

  /** Each bit as a bright-dark (1) or dark-bright (0) pair, so the strip's brightness never changes. */
  private void paintBarcode(byte[] pixels, int frame) {
    int y = height - BARCODE_HEIGHT - 2;
    for (int bit = 0; bit < BARCODE_BITS; bit++) {
      boolean one = ((frame >> (BARCODE_BITS - 1 - bit)) & 1) == 1;
      int x = BARCODE_X + 2 * bit * BARCODE_CELL_WIDTH;
      int first = one ? 255 : 0;
      fill(pixels, x, y, BARCODE_CELL_WIDTH, BARCODE_HEIGHT, first, first, first);
      fill(pixels, x + BARCODE_CELL_WIDTH, y, BARCODE_CELL_WIDTH, BARCODE_HEIGHT, 255 - first, 255 - first, 255 - first);
    }
  }

  private byte[] paintScene(Random random) {
    byte[] pixels = new byte[width * height * 3];
    // A lit background (brightness ramps across the picture, as real scenes have) under the blocks.
    int b0 = random.nextInt(256);
    int g0 = random.nextInt(256);
    int r0 = random.nextInt(256);
    double angle = random.nextDouble() * 2 * Math.PI;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double ramp = 90 * ((x - width / 2.0) * Math.cos(angle) + (y - height / 2.0) * Math.sin(angle)) / width;
        int i = (y * width + x) * 3;
        pixels[i] = (byte) clamp(b0 + ramp);
        pixels[i + 1] = (byte) clamp(g0 + ramp);
        pixels[i + 2] = (byte) clamp(r0 + ramp);
      }
    }
    for (int block = 0; block < 8; block++) {
      int w = width / 8 + random.nextInt(width / 3);
      int h = height / 8 + random.nextInt(height / 3);
      int x = random.nextInt(width - w);
      int y = random.nextInt(height - h);
      fill(pixels, x, y, w, h, random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
    return pixels;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }

  private void fill(byte[] pixels, int x0, int y0, int w, int h, int b, int g, int r) {
    for (int y = y0; y < Math.min(height, y0 + h); y++) {
      for (int x = x0; x < Math.min(width, x0 + w); x++) {
        int i = (y * width + x) * 3;
        pixels[i] = (byte) b;
        pixels[i + 1] = (byte) g;
        pixels[i + 2] = (byte) r;
      }
    }
  }
}
