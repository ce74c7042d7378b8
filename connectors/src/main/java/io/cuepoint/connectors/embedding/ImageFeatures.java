package io.cuepoint.connectors.embedding;

import java.awt.image.BufferedImage;

/**
 * The in-process image descriptor, computed on the image resampled to 64×64: two blocks, each
 * L2-normalised and weighted, so the cosine of two descriptors is a weighted mean of the blocks'
 * cosines.
 *
 * <ul>
 *   <li>colour (70 values): a centre-weighted HSV histogram, 16 hues × low/high saturation ×
 *       dark/bright (soft-binned, so noise moves weight between neighbouring bins instead of
 *       jumping), and 6 greys for unsaturated pixels;
 *   <li>shape (128 values): unsigned gradient orientations (8 bins) in a 4×4 grid, clipped as SIFT
 *       does so a few strong edges do not dominate. Unsigned, because an edge between product and
 *       background flips sign when the background is darker instead of lighter.
 * </ul>
 *
 * A product photo on a plain background (its four corners of one colour) is trimmed to what
 * differs from that colour, and that colour is left out of the histogram, so the product fills
 * the descriptor as it fills a detector's box in a frame. Histograms are square-rooted
 * (Hellinger) and centred, so unrelated images score near 0 rather than sharing the similarity
 * every non-negative histogram has. Resampling averages areas, which also smooths sensor noise.
 * Weights, centre weighting and the threshold were tuned on generated catalogs and frames ({@code
 * VisualMatchingPrecisionTest}): a spatial colour layout and a DCT (perceptual-hash) block were
 * tried and removed, as they lowered precision on crops whose boxes are a few percent off. The
 * result depends only on the pixels: the same image gives the same vector, bit for bit.
 */
public final class ImageFeatures {
  /** Names the descriptor and its parameters; change it whenever the vector changes. */
  public static final String VERSION = "cuepoint-local-hsv-hog-v1";

  private static final int SIZE = 64;
  private static final int HUES = 16;
  private static final int GREYS = 6;
  private static final int COLOUR_BINS = HUES * 4 + GREYS;
  private static final int CELLS = 4;
  private static final int ORIENTATIONS = 8;
  public static final int DIMENSIONS = COLOUR_BINS + CELLS * CELLS * ORIENTATIONS;

  private static final float MIN_SATURATION = 0.25f;
  private static final float MIN_VALUE = 0.2f;
  /** Width of the centre weighting, as a fraction of the image side. */
  private static final float CENTRE_SIGMA = 0.25f;
  private static final float GRADIENT_CLIP = 0.2f;
  private static final float W_COLOUR = 1.0f;
  private static final float W_SHAPE = 0.7f;

  private static final float[] CENTRE = centreWeights();

  private ImageFeatures() {}

  /** The L2-normalised descriptor of {@link #DIMENSIONS} values. */
  public static float[] of(BufferedImage image) {
    float[][] rgb = resample(image);
    float[] r = rgb[0];
    float[] g = rgb[1];
    float[] b = rgb[2];
    float[] product = rgb[3];
    float[] grey = new float[SIZE * SIZE];
    float[] hue = new float[SIZE * SIZE];
    float[] sat = new float[SIZE * SIZE];
    float[] val = new float[SIZE * SIZE];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
      float max = Math.max(r[i], Math.max(g[i], b[i]));
      float min = Math.min(r[i], Math.min(g[i], b[i]));
      float chroma = max - min;
      val[i] = max;
      sat[i] = max <= 0 ? 0 : chroma / max;
      float h;
      if (chroma <= 0) {
        h = 0;
      } else if (max == r[i]) {
        h = ((g[i] - b[i]) / chroma) % 6;
      } else if (max == g[i]) {
        h = (b[i] - r[i]) / chroma + 2;
      } else {
        h = (r[i] - g[i]) / chroma + 4;
      }
      hue[i] = h < 0 ? (h + 6) / 6 : h / 6;
    }
    float[] out = new float[DIMENSIONS];
    int at = 0;
    at = put(out, at, colour(hue, sat, val, product), W_COLOUR);
    at = put(out, at, shape(grey), W_SHAPE);
    if (at != DIMENSIONS) {
      throw new IllegalStateException("descriptor has " + at + " values, not " + DIMENSIONS);
    }
    normalise(out);
    return out;
  }

  private static float[] colour(float[] hue, float[] sat, float[] val, float[] product) {
    float[] h = new float[COLOUR_BINS];
    for (int i = 0; i < hue.length; i++) {
      float w = CENTRE[i] * product[i];
      if (sat[i] >= MIN_SATURATION && val[i] >= MIN_VALUE) {
        float s = (sat[i] - MIN_SATURATION) / (1 - MIN_SATURATION);
        float v = (val[i] - MIN_VALUE) / (1 - MIN_VALUE);
        circular(h, 0, HUES, hue[i], w * (1 - s) * (1 - v));
        circular(h, HUES, HUES, hue[i], w * s * (1 - v));
        circular(h, 2 * HUES, HUES, hue[i], w * (1 - s) * v);
        circular(h, 3 * HUES, HUES, hue[i], w * s * v);
      } else {
        linear(h, HUES * 4, GREYS, val[i], w);
      }
    }
    return hellinger(h);
  }

  private static float[] shape(float[] grey) {
    float[] h = new float[CELLS * CELLS * ORIENTATIONS];
    int cell = SIZE / CELLS;
    for (int y = 1; y < SIZE - 1; y++) {
      for (int x = 1; x < SIZE - 1; x++) {
        float dx = grey[y * SIZE + x + 1] - grey[y * SIZE + x - 1];
        float dy = grey[(y + 1) * SIZE + x] - grey[(y - 1) * SIZE + x];
        float magnitude = (float) Math.sqrt(dx * dx + dy * dy);
        if (magnitude <= 0) {
          continue;
        }
        double angle = Math.atan2(dy, dx);
        if (angle < 0) {
          angle += Math.PI;
        }
        int c = (y / cell) * CELLS + x / cell;
        circular(h, c * ORIENTATIONS, ORIENTATIONS, (float) (angle / Math.PI), magnitude);
      }
    }
    normalise(h);
    for (int i = 0; i < h.length; i++) {
      h[i] = Math.min(h[i], GRADIENT_CLIP);
    }
    centre(h);
    normalise(h);
    return h;
  }

  /** Adds weight to the two nearest of {@code bins} circular bins around {@code position} (0-1). */
  private static void circular(float[] h, int offset, int bins, float position, float weight) {
    float p = position * bins - 0.5f;
    int lower = (int) Math.floor(p);
    float frac = p - lower;
    h[offset + Math.floorMod(lower, bins)] += weight * (1 - frac);
    h[offset + Math.floorMod(lower + 1, bins)] += weight * frac;
  }

  /** Adds weight to the two nearest of {@code bins} bins spread evenly from 0 to 1. */
  private static void linear(float[] h, int offset, int bins, float position, float weight) {
    float p = Math.max(0, Math.min(1, position)) * (bins - 1);
    int lower = Math.min((int) p, bins - 2);
    float frac = p - lower;
    h[offset + lower] += weight * (1 - frac);
    h[offset + lower + 1] += weight * frac;
  }

  private static float[] hellinger(float[] h) {
    float total = 0;
    for (float v : h) {
      total += v;
    }
    if (total > 0) {
      for (int i = 0; i < h.length; i++) {
        h[i] = (float) Math.sqrt(h[i] / total);
      }
    }
    centre(h);
    normalise(h);
    return h;
  }

  private static void centre(float[] v) {
    float mean = 0;
    for (float x : v) {
      mean += x;
    }
    mean /= v.length;
    for (int i = 0; i < v.length; i++) {
      v[i] -= mean;
    }
  }

  static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum <= 0) {
      return;
    }
    float scale = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
  }

  private static int put(float[] out, int at, float[] block, float weight) {
    for (int i = 0; i < block.length; i++) {
      out[at + i] = block[i] * weight;
    }
    return at + block.length;
  }

  /**
   * The image as four 64×64 planes: red, green, blue (0-1), each pixel the mean of the area it
   * covers, and how much of that area is the product rather than a plain background. A product
   * photo on a plain background (the four corners of one colour) is first trimmed to what differs
   * from that colour, so the product fills the descriptor as it fills a detector's box in a frame.
   */
  private static float[][] resample(BufferedImage image) {
    int fullWidth = image.getWidth();
    int[] argb = image.getRGB(0, 0, fullWidth, image.getHeight(), null, 0, fullWidth);
    int plain = plainBackground(argb, fullWidth, image.getHeight());
    int left = 0;
    int top = 0;
    int right = fullWidth;
    int bottom = image.getHeight();
    if (plain != NONE) {
      int[] box = content(argb, fullWidth, image.getHeight(), plain);
      if (box == null) {
        // An image of one colour has no product to single out: all of it counts.
        plain = NONE;
      } else {
        left = box[0];
        top = box[1];
        right = box[2];
        bottom = box[3];
      }
    }
    int w = right - left;
    int h = bottom - top;
    float[][] planes = new float[4][SIZE * SIZE];
    float[] weight = new float[SIZE * SIZE];
    for (int y = 0; y < h; y++) {
      double y0 = (double) y * SIZE / h;
      double y1 = (double) (y + 1) * SIZE / h;
      for (int x = 0; x < w; x++) {
        double x0 = (double) x * SIZE / w;
        double x1 = (double) (x + 1) * SIZE / w;
        int p = argb[(top + y) * fullWidth + left + x];
        float red = ((p >> 16) & 0xff) / 255f;
        float green = ((p >> 8) & 0xff) / 255f;
        float blue = (p & 0xff) / 255f;
        float product = plain != NONE && near(p, plain) ? 0 : 1;
        for (int ty = (int) y0; ty < Math.min(SIZE, Math.ceil(y1)); ty++) {
          double oy = Math.min(y1, ty + 1) - Math.max(y0, ty);
          if (oy <= 0) {
            continue;
          }
          for (int tx = (int) x0; tx < Math.min(SIZE, Math.ceil(x1)); tx++) {
            double ox = Math.min(x1, tx + 1) - Math.max(x0, tx);
            if (ox <= 0) {
              continue;
            }
            float a = (float) (ox * oy);
            int t = ty * SIZE + tx;
            planes[0][t] += red * a;
            planes[1][t] += green * a;
            planes[2][t] += blue * a;
            planes[3][t] += product * a;
            weight[t] += a;
          }
        }
      }
    }
    for (int t = 0; t < weight.length; t++) {
      for (float[] plane : planes) {
        plane[t] /= weight[t];
      }
    }
    return planes;
  }

  private static final int NONE = -1;
  /** Largest difference in any channel (0-255) between a pixel and a plain background's colour. */
  private static final int PLAIN_TOLERANCE = 28;

  /** The colour of the four corners when they agree (RGB), else {@link #NONE}. */
  private static int plainBackground(int[] argb, int w, int h) {
    int[] corners = {argb[0], argb[w - 1], argb[(h - 1) * w], argb[(h - 1) * w + w - 1]};
    int r = 0;
    int g = 0;
    int b = 0;
    for (int c : corners) {
      r += (c >> 16) & 0xff;
      g += (c >> 8) & 0xff;
      b += c & 0xff;
    }
    int mean = ((r / 4) << 16) | ((g / 4) << 8) | (b / 4);
    for (int c : corners) {
      if (!near(c, mean)) {
        return NONE;
      }
    }
    return mean;
  }

  /** {left, top, right, bottom} of the pixels unlike the background, or null when none are. */
  private static int[] content(int[] argb, int w, int h, int plain) {
    int left = w;
    int top = h;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!near(argb[y * w + x], plain)) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0 || right - left < 3 || bottom - top < 3) {
      return null;
    }
    return new int[] {left, top, right + 1, bottom + 1};
  }

  private static boolean near(int a, int b) {
    return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= PLAIN_TOLERANCE
        && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= PLAIN_TOLERANCE
        && Math.abs((a & 0xff) - (b & 0xff)) <= PLAIN_TOLERANCE;
  }

  private static float[] centreWeights() {
    float[] w = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float dx = (x + 0.5f) / SIZE - 0.5f;
        float dy = (y + 0.5f) / SIZE - 0.5f;
        w[y * SIZE + x] =
            (float) Math.exp(-(dx * dx + dy * dy) / (2 * CENTRE_SIGMA * CENTRE_SIGMA));
      }
    }
    return w;
  }
}
