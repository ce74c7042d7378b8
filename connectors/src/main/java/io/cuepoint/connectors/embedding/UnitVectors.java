package io.cuepoint.connectors.embedding;

/** Vector arithmetic the embedders share. */
public final class UnitVectors {
  private UnitVectors() {}

  /** The vector scaled to length 1, so a dot product of two is their cosine similarity. */
  public static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new InvalidEmbeddingException("cannot normalise a zero or non-finite vector");
    }
    double scale = 1.0 / Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * scale);
    }
    return out;
  }

  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
