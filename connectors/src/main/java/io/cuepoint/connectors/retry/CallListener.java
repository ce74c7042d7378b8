package io.cuepoint.connectors.retry;

/**
 * What an operator watches of calls to a remote service, told from whichever thread the call
 * completes on (so implementations must be thread-safe).
 */
public interface CallListener {
  CallListener NONE = new CallListener() {};

  /** One attempt was sent. */
  default void attempt() {}

  /** The service said it was throttling us (HTTP 429 or a throttling error code). */
  default void throttled() {}

  /** A failed attempt is retried after a backoff. */
  default void retried() {}

  /** The call failed for good: not retryable, or out of retry budget. */
  default void failed() {}

  /** How long one attempt took, from sending to its answer. */
  default void latencyNanos(long nanos) {}
}
