package io.cuepoint.connectors.personalize;

import java.util.ArrayDeque;

/**
 * At most {@code limit} calls in flight; a call beyond it waits here, not started, until one
 * ends. The SDK's call timeout runs from the moment a call is made, so calls queued inside the
 * client (for a connection, for the event loop, for CPU) would spend the timeout waiting: with
 * the whole async capacity in flight, each call's wait alone passes the timeout, every call times
 * out, closes its connection and is retried, and almost none succeeds. Waiting here costs no
 * timeout; the decision's own timeout still bounds it. Never blocks: a waiting call is started by
 * the thread that ends another.
 */
final class CallSlots {
  private final int limit;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  CallSlots(int limit) {
    this.limit = Math.max(1, limit);
  }

  /** Starts {@code call} now if a slot is free, else when one is; the call must {@link #release()}. */
  void start(Runnable call) {
    synchronized (this) {
      if (inFlight >= limit) {
        waiting.addLast(call);
        return;
      }
      inFlight++;
    }
    call.run();
  }

  /** A call ended: its slot goes to the longest waiting call, if any. */
  void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        inFlight--;
        return;
      }
    }
    next.run();
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
