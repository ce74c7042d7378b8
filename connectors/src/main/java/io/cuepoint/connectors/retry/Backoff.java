package io.cuepoint.connectors.retry;

import java.util.Random;

/**
 * Exponential backoff with full jitter: the delay before retry n is uniform in [0, initial * 2^n],
 * capped, so clients throttled together do not come back together.
 */
public final class Backoff {
  private static final int MAX_DOUBLINGS = 20;

  private final long initialMs;
  private final long capMs;
  private final Random random;

  public Backoff(long initialMs, long capMs, Random random) {
    this.initialMs = initialMs;
    this.capMs = capMs;
    this.random = random;
  }

  /** Delay before the retry that follows {@code failedAttempts} failed attempts (1 or more). */
  public long delayMs(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
    long ceiling = Math.min(capMs, initialMs << doublings);
    return ceiling <= 0 ? 0 : (long) (random.nextDouble() * (ceiling + 1));
  }
}
