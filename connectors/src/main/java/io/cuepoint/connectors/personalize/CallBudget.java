package io.cuepoint.connectors.personalize;

/**
 * A token bucket of calls per second that never waits: a call either has a token now or does not
 * happen. It holds at most a tenth of a second of calls (and at least one decision's worth), so
 * over any second no more than the budget plus that tenth goes out.
 */
final class CallBudget {
  private final double perNano;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  CallBudget(double callsPerSecond, int callsPerDecision, long nowNanos) {
    this.perNano = callsPerSecond / 1e9;
    this.capacity = Math.max(callsPerDecision, callsPerSecond / 10);
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  synchronized boolean tryTake(int calls, long nowNanos) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perNano);
      lastNanos = nowNanos;
    }
    if (tokens >= calls) {
      tokens -= calls;
      return true;
    }
    return false;
  }
}
