package io.cuepoint.connectors.vectors;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stores product image vectors for a {@link VectorIndex}. Each product carries a fingerprint of
 * what was embedded (image bytes and model), so re-indexing a catalog only embeds what changed.
 */
public interface VectorIndexWriter extends AutoCloseable {

  /** Product id to fingerprint of every product already stored. */
  CompletableFuture<Map<String, String>> fingerprints();

  CompletableFuture<Void> upsert(String productId, String fingerprint, float[] vector);

  /** Removes products no longer in the catalog. */
  CompletableFuture<Void> remove(String productId);

  /** Makes every write visible to readers (writes the file, refreshes the index). */
  CompletableFuture<Void> commit();

  @Override
  void close();
}
