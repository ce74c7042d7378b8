package io.cuepoint.connectors.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalVectorIndexTest {
  static final String MODEL = "test-model";

  @Test
  void topKIsExactlyWhatBruteForceFinds() throws Exception {
    int n = 700;
    int d = 37;
    Random rnd = new Random(42);
    VectorIndexFileFormat.Contents contents = randomContents(rnd, n, d);
    try (LocalVectorIndex index = new LocalVectorIndex(contents)) {
      for (int q = 0; q < 40; q++) {
        float[] query = unit(rnd, d);
        int k = 1 + rnd.nextInt(12);
        ProductMatch[] found = index.nearest(query, k).get(5, TimeUnit.SECONDS);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < d; j++) {
            scores[i] += (double) query[j] * contents.vectors[i * d + j];
          }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        assertThat(found).hasSize(k);
        for (int r = 0; r < k; r++) {
          assertThat(found[r].productId).isEqualTo(contents.productIds[order[r]]);
          assertThat(found[r].similarity).isCloseTo(scores[order[r]], org.assertj.core.data.Offset.offset(1e-5));
        }
      }
    }
  }

  @Test
  void equalScoresRankBySmallerProductIdAndKIsCappedAtTheIndexSize() {
    float[] same = {1, 0};
    VectorIndexFileFormat.Contents contents =
        new VectorIndexFileFormat.Contents(
            MODEL, 2, new String[] {"a", "b", "c"}, new String[] {"", "", ""},
            new float[] {0, 1, 1, 0, 1, 0});
    try (LocalVectorIndex index = new LocalVectorIndex(contents)) {
      ProductMatch[] found = index.search(same, 10);
      assertThat(Arrays.stream(found).map(m -> m.productId)).containsExactly("b", "c", "a");
      assertThat(found[0].similarity).isEqualTo(1.0);
      assertThat(found[2].similarity).isEqualTo(0.0);
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    try (LocalVectorIndex index =
        new LocalVectorIndex(new VectorIndexFileFormat.Contents(MODEL, 4, new String[0], new String[0], new float[0]))) {
      assertThat(index.search(new float[4], 3)).isEmpty();
    }
  }

  @Test
  void aVectorOfAnotherLengthIsRefusedAsAnotherModels() {
    try (LocalVectorIndex index = new LocalVectorIndex(randomContents(new Random(1), 10, 8))) {
      assertThatThrownBy(() -> index.nearest(new float[12], 3).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("query vector has 12 dimensions but the index of model 'test-model' has 8");
    }
  }

  static VectorIndexFileFormat.Contents randomContents(Random rnd, int n, int d) {
    String[] ids = new String[n];
    String[] fingerprints = new String[n];
    float[] vectors = new float[n * d];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format("p%05d", i);
      fingerprints[i] = "f" + i;
      System.arraycopy(unit(rnd, d), 0, vectors, i * d, d);
    }
    return new VectorIndexFileFormat.Contents(MODEL, d, ids, fingerprints, vectors);
  }

  static float[] unit(Random rnd, int d) {
    float[] v = new float[d];
    double sum = 0;
    for (int i = 0; i < d; i++) {
      v[i] = (float) rnd.nextGaussian();
      sum += v[i] * v[i];
    }
    for (int i = 0; i < d; i++) {
      v[i] /= (float) Math.sqrt(sum);
    }
    return v;
  }
}
