package io.cuepoint.connectors.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the local index file ({@link VectorIndexFileFormat}) that {@link LocalVectorIndex}
 * loads. Opening reads the file's products into memory; upserts and removals change only that
 * copy, and {@link #commit()} replaces the file atomically. A file built with another model
 * counts as empty: none of its vectors can be kept, and the commit replaces them all. The file's
 * work is small and local, so each call completes before it returns.
 */
public final class LocalVectorIndexFile implements VectorIndexWriter {
  private final Path file;
  private final String modelId;
  private final int dimensions;
  private final TreeMap<String, Entry> products = new TreeMap<>();
  private final boolean replacesOtherModel;

  private static final class Entry {
    final String fingerprint;
    final float[] vector;

    Entry(String fingerprint, float[] vector) {
      this.fingerprint = fingerprint;
      this.vector = vector;
    }
  }

  private LocalVectorIndexFile(Path file, String modelId, int dimensions, boolean replacesOtherModel) {
    this.file = file;
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.replacesOtherModel = replacesOtherModel;
  }

  /** Opens the file for the given model, reading what it already holds (none when it is absent). */
  public static LocalVectorIndexFile open(Path file, String modelId, int dimensions) throws IOException {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
    }
    if (!Files.exists(file)) {
      return new LocalVectorIndexFile(file, modelId, dimensions, false);
    }
    VectorIndexFileFormat.Contents old = VectorIndexFileFormat.read(file);
    boolean sameModel = old.modelId.equals(modelId) && old.dimensions == dimensions;
    LocalVectorIndexFile writer = new LocalVectorIndexFile(file, modelId, dimensions, !sameModel);
    if (sameModel) {
      for (int i = 0; i < old.size(); i++) {
        float[] v = new float[dimensions];
        System.arraycopy(old.vectors, i * dimensions, v, 0, dimensions);
        writer.products.put(old.productIds[i], new Entry(old.fingerprints[i], v));
      }
    }
    return writer;
  }

  /** Whether the file held another model's vectors, which the next commit replaces. */
  public boolean replacesOtherModel() {
    return replacesOtherModel;
  }

  @Override
  public CompletableFuture<Map<String, String>> fingerprints() {
    Map<String, String> map = new LinkedHashMap<>();
    products.forEach((id, e) -> map.put(id, e.fingerprint));
    return CompletableFuture.completedFuture(Collections.unmodifiableMap(map));
  }

  @Override
  public CompletableFuture<Void> upsert(String productId, String fingerprint, float[] vector) {
    if (vector.length != dimensions) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              productId + ": vector has " + vector.length + " dimensions, the index of model '"
                  + modelId + "' has " + dimensions));
    }
    products.put(productId, new Entry(fingerprint, vector.clone()));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> remove(String productId) {
    products.remove(productId);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> commit() {
    int n = products.size();
    String[] ids = new String[n];
    String[] fingerprints = new String[n];
    float[] vectors = new float[n * dimensions];
    int i = 0;
    for (Map.Entry<String, Entry> e : products.entrySet()) {
      ids[i] = e.getKey();
      fingerprints[i] = e.getValue().fingerprint;
      System.arraycopy(e.getValue().vector, 0, vectors, i * dimensions, dimensions);
      i++;
    }
    try {
      VectorIndexFileFormat.write(
          file, new VectorIndexFileFormat.Contents(modelId, dimensions, ids, fingerprints, vectors));
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(file + ": " + e.getMessage(), e));
    }
  }

  @Override
  public void close() {}
}
