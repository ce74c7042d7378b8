package io.cuepoint.connectors.retry;

/** The job's own rate limit left no room for a call within its retry budget. */
public class RateLimitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RateLimitedException(String message) {
    super(message);
  }
}
