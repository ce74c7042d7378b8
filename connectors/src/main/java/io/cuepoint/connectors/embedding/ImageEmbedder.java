package io.cuepoint.connectors.embedding;

import java.util.concurrent.CompletableFuture;

/**
 * Turns an image into an L2-normalised vector, so that the cosine similarity of two images is the
 * dot product of their vectors. Asynchronous because the AWS implementation is a network call; the
 * in-process one completes on its own executor, never on the caller's task thread.
 */
public interface ImageEmbedder extends AutoCloseable {

  /** Identifies the model and its settings; an index built with another model cannot be queried. */
  String modelId();

  int dimensions();

  /** Embeds an encoded image (JPEG or PNG bytes). */
  CompletableFuture<float[]> embed(byte[] image);

  @Override
  void close();
}
