package io.cuepoint.connectors.ivs;

import java.util.ArrayDeque;

/**
 * At most {@code capacity} calls in any window of {@code windowMs}, as the server counts them.
 * A call holds its slot from the moment it is sent until {@code windowMs} after its answer came
 * back: the server received it somewhere in between, so every call the server saw inside any one
 * window held its slot at that window's end, and there are only {@code capacity} slots. This does
 * not depend on network delays, which a limiter counting send times would.
 *
 * <p>Not thread-safe: one dispatcher thread uses it.
 */
final class SlotLimiter {
  private final int capacity;
  private final long windowMs;
  private final ArrayDeque<Long> releases = new ArrayDeque<>();
  private int inFlight;

  SlotLimiter(int capacity, long windowMs) {
    this.capacity = capacity;
    this.windowMs = windowMs;
  }

  /** Takes a slot if one is free at {@code nowMs}. */
  boolean tryAcquire(long nowMs) {
    expire(nowMs);
    if (inFlight + releases.size() >= capacity) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** The call holding a slot got its answer at {@code nowMs}. */
  void release(long nowMs) {
    inFlight--;
    releases.addLast(nowMs + windowMs);
  }

  /**
   * When a slot frees up at the earliest, or {@code Long.MAX_VALUE} when that waits for an answer.
   */
  long nextFreeAt(long nowMs) {
    expire(nowMs);
    if (inFlight + releases.size() < capacity) {
      return nowMs;
    }
    return releases.isEmpty() ? Long.MAX_VALUE : releases.peekFirst();
  }

  /** No call in flight and none counted in the window: forgetting this limiter loses nothing. */
  boolean isIdle(long nowMs) {
    expire(nowMs);
    return inFlight == 0 && releases.isEmpty();
  }

  private void expire(long nowMs) {
    while (!releases.isEmpty() && releases.peekFirst() <= nowMs) {
      releases.removeFirst();
    }
  }
}
