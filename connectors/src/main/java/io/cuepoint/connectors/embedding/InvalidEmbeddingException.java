package io.cuepoint.connectors.embedding;

/** A model answered, but not with a usable vector (wrong length, all zeros). Not retried. */
public class InvalidEmbeddingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidEmbeddingException(String message) {
    super(message);
  }
}
