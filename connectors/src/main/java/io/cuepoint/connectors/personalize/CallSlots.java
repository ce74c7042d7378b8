package io.cuepoint.connectors.personalize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code limit} calls in flight; a call beyond it waits here, not started, until one
 * ends. The SDK's call timeout runs from the moment a call is made, so calls queued inside the
 * client (for a connection, for the event loop, for CPU) would spend the timeout waiting: with
 * the whole async capacity in flight, each call's wait alone passes the timeout, every call times
 * out, closes its connection and is retried, and almost none succeeds. Waiting here costs no
 * timeout. A call still waiting at its start-by time is given up, not made: its decision has
 * fallen back by then. Never blocks: a waiting call is started by the thread that ends another.
 */
final class CallSlots {
  private static final class Waiting {
    final Runnable call;
    final Runnable givenUp;
    final long startByNanos;

    Waiting(Runnable call, Runnable givenUp, long startByNanos) {
      this.call = call;
      this.givenUp = givenUp;
      this.startByNanos = startByNanos;
    }
  }

  private final int limit;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private int inFlight;

  CallSlots(int limit) {
    this.limit = Math.max(1, limit);
  }

  /**
   * Runs {@code call} now if a slot is free, else when one is, unless that is after
   * {@code startByNanos} (of {@link System#nanoTime()}): then runs {@code givenUp} instead. A call
   * that ran must {@link #release()} its slot when it ends.
   */
  void start(Runnable call, Runnable givenUp, long startByNanos) {
    synchronized (this) {
      if (inFlight >= limit) {
        waiting.addLast(new Waiting(call, givenUp, startByNanos));
        return;
      }
      inFlight++;
    }
    call.run();
  }

  /** A call ended: its slot goes to the longest waiting call still in time, if any. */
  void release() {
    List<Waiting> late = null;
    Waiting next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next != null) {
        long now = System.nanoTime();
        while (next != null && now - next.startByNanos > 0) {
          if (late == null) {
            late = new ArrayList<>();
          }
          late.add(next);
          next = waiting.pollFirst();
        }
      }
      if (next == null) {
        inFlight--;
      }
    }
    if (late != null) {
      for (Waiting w : late) {
        w.givenUp.run();
      }
    }
    if (next != null) {
      next.call.run();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
