package io.cuepoint.connectors.retry;

/**
 * A token bucket of calls per second that never blocks: a caller reserves the next token and is
 * told how long to wait for it, then schedules its call that far ahead on a timer. A burst of at
 * most a tenth of a second of calls (and at least one) goes out at once; after that calls are
 * spaced evenly (the generic cell rate algorithm).
 */
public final class TokenBucket {
  private final long intervalNanos;
  private final long burstToleranceNanos;
  /** When the next call would go out if every earlier call had been spaced evenly. */
  private long theoreticalNanos;

  public TokenBucket(double callsPerSecond, long nowNanos) {
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("callsPerSecond must be positive");
    }
    this.intervalNanos = Math.max(1L, (long) (1e9 / callsPerSecond));
    long burst = Math.max(1L, (long) (callsPerSecond / 10));
    this.burstToleranceNanos = (burst - 1) * intervalNanos;
    this.theoreticalNanos = nowNanos;
  }

  /** Takes the next token; returns the nanoseconds until it may be used (0: now). */
  public synchronized long reserve(long nowNanos) {
    long sendAt = Math.max(nowNanos, theoreticalNanos - burstToleranceNanos);
    theoreticalNanos = Math.max(theoreticalNanos, nowNanos) + intervalNanos;
    return sendAt - nowNanos;
  }
}
