package io.cuepoint.connectors.rekognition;

/**
 * Tokens at a fixed rate, up to a small burst. It tells when the next token comes instead of
 * waiting for it, so the caller can schedule rather than sleep. Not thread-safe: {@link RateGate}
 * holds its lock around it.
 */
final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  /**
   * @param perSecond tokens added per second
   * @param burst most tokens held: over any second at most {@code perSecond + burst} are taken
   */
  TokenBucket(double perSecond, double burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = Math.max(1, burst);
    this.tokens = this.burst;
    this.lastNanos = nowNanos;
  }

  boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds from {@code nowNanos} until a token is there (0 if one is). */
  long nanosUntilToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  private void refill(long nowNanos) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
      lastNanos = nowNanos;
    }
  }
}
