package io.cuepoint.connectors.vectors;

import java.util.concurrent.CompletableFuture;

/** Finds the catalog products whose image vectors are nearest to a query vector. */
public interface VectorIndex extends AutoCloseable {

  /** At most {@code k} matches, best first. */
  CompletableFuture<ProductMatch[]> nearest(float[] vector, int k);

  @Override
  void close();
}
