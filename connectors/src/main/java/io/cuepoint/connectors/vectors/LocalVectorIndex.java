package io.cuepoint.connectors.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exact nearest-neighbour search in memory over a local index file: the cosine similarity of
 * L2-normalised vectors is their dot product, computed against every product in one flat array
 * (row after row, so a scan reads memory in order) while a heap of size k keeps the best. The scan
 * runs on the index's own thread, never on the caller's.
 */
public final class LocalVectorIndex implements VectorIndex {
  private final String modelId;
  private final int dimensions;
  private final String[] productIds;
  private final float[] vectors;
  private final ExecutorService executor;

  public LocalVectorIndex(VectorIndexFileFormat.Contents contents) {
    this.modelId = contents.modelId;
    this.dimensions = contents.dimensions;
    this.productIds = contents.productIds.clone();
    this.vectors = contents.vectors;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "local-vector-index");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Loads an index file built with {@code modelId}.
   *
   * @throws IllegalArgumentException when the file was built with another model: its vectors
   *     cannot be compared with this model's
   */
  public static LocalVectorIndex open(Path file, String modelId) throws IOException {
    VectorIndexFileFormat.Contents contents = VectorIndexFileFormat.read(file);
    if (!contents.modelId.equals(modelId)) {
      throw new IllegalArgumentException(
          file + " holds vectors of model '" + contents.modelId + "', not of '" + modelId
              + "'; run index-catalog again with this model");
    }
    return new LocalVectorIndex(contents);
  }

  public String modelId() {
    return modelId;
  }

  public int dimensions() {
    return dimensions;
  }

  public int size() {
    return productIds.length;
  }

  @Override
  public CompletableFuture<ProductMatch[]> nearest(float[] vector, int k) {
    return CompletableFuture.supplyAsync(() -> search(vector, k), executor);
  }

  /**
   * The search itself, on the calling thread: at most {@code k} products, most similar first
   * (ties by product id).
   *
   * @throws IllegalArgumentException when the vector's length is not the index's: it was made by
   *     another model
   */
  public ProductMatch[] search(float[] vector, int k) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "query vector has " + vector.length + " dimensions but the index of model '" + modelId
              + "' has " + dimensions + ": it comes from another model");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    TopK top = new TopK(Math.min(k, productIds.length));
    for (int p = 0, n = productIds.length; p < n; p++) {
      top.offer(p, dot(vector, p * dimensions));
    }
    ProductMatch[] matches = new ProductMatch[top.size()];
    for (int i = matches.length - 1; i >= 0; i--) {
      matches[i] = new ProductMatch(productIds[top.worstIndex()], top.worstScore());
      top.removeWorst();
    }
    return matches;
  }

  private float dot(float[] q, int offset) {
    float[] v = vectors;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    int end = dimensions & ~3;
    for (; d < end; d += 4) {
      s0 += q[d] * v[offset + d];
      s1 += q[d + 1] * v[offset + d + 1];
      s2 += q[d + 2] * v[offset + d + 2];
      s3 += q[d + 3] * v[offset + d + 3];
    }
    for (; d < dimensions; d++) {
      s0 += q[d] * v[offset + d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * The k best (index, score) pairs in a binary min-heap over primitive arrays: the root is the
   * worst kept, so most products are refused with one comparison. Of equal scores the lower index
   * (the smaller product id) wins, so results do not depend on scan order.
   */
  private static final class TopK {
    private final int[] index;
    private final float[] score;
    private int size;

    TopK(int k) {
      index = new int[k];
      score = new float[k];
    }

    void offer(int i, float s) {
      if (index.length == 0) {
        return;
      }
      if (size < index.length) {
        index[size] = i;
        score[size] = s;
        up(size++);
      } else if (worse(index[0], score[0], i, s)) {
        index[0] = i;
        score[0] = s;
        down(0);
      }
    }

    /** Whether (a, sa) ranks below (b, sb). */
    private static boolean worse(int a, float sa, int b, float sb) {
      return sa < sb || (sa == sb && a > b);
    }

    private void up(int c) {
      while (c > 0) {
        int parent = (c - 1) / 2;
        if (!worse(index[c], score[c], index[parent], score[parent])) {
          return;
        }
        swap(c, parent);
        c = parent;
      }
    }

    private void down(int c) {
      while (true) {
        int l = 2 * c + 1;
        int r = l + 1;
        int least = c;
        if (l < size && worse(index[l], score[l], index[least], score[least])) {
          least = l;
        }
        if (r < size && worse(index[r], score[r], index[least], score[least])) {
          least = r;
        }
        if (least == c) {
          return;
        }
        swap(c, least);
        c = least;
      }
    }

    private void swap(int a, int b) {
      int i = index[a];
      index[a] = index[b];
      index[b] = i;
      float s = score[a];
      score[a] = score[b];
      score[b] = s;
    }

    int size() {
      return size;
    }

    int worstIndex() {
      return index[0];
    }

    float worstScore() {
      return score[0];
    }

    void removeWorst() {
      size--;
      index[0] = index[size];
      score[0] = score[size];
      down(0);
    }
  }
}
