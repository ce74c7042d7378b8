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
 *
 * <p>The limit adapts (additive increase, multiplicative decrease): a call that took longer than
 * {@code slowNanos} (most of the call timeout: it timed out, or nearly) halves it, at most once
 * per {@code slowNanos}, since the calls already in flight were started under the old limit; every
 * faster call raises it by about one per round trip, up to {@code most}. When the client is short
 * of CPU its calls in flight only queue for it, and as many calls as the limit are answered within
 * the limit divided by the rate: halving the limit halves that wait instead of letting every call
 * time out after having cost its CPU. Only calls near their timeout cut it, so a slow but working
 * service or machine keeps its calls in flight.
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

  private final int most;
  private final long slowNanos;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private double limit;
  private int inFlight;
  private long lastCutNanos;

  /**
   * @param most calls in flight at most
   * @param slowNanos a call that took longer is a sign of overload
   */
  CallSlots(int most, long slowNanos) {
    this.most = Math.max(1, most);
    this.slowNanos = slowNanos;
    this.limit = this.most;
    this.lastCutNanos = System.nanoTime() - slowNanos;
  }

  /**
   * Runs {@code call} now if a slot is free, else when one is, unless that is after
   * {@code startByNanos} (of {@link System#nanoTime()}): then runs {@code givenUp} instead. A call
   * that ran must {@link #release(long)} its slot when it ends.
   */
  void start(Runnable call, Runnable givenUp, long startByNanos) {
    synchronized (this) {
      if (inFlight >= (int) limit) {
        waiting.addLast(new Waiting(call, givenUp, startByNanos));
        return;
      }
      inFlight++;
    }
    call.run();
  }

  /**
   * A call that took {@code tookNanos} ended: the limit adapts, and the freed slots go to the
   * longest waiting calls still in time.
   */
  void release(long tookNanos) {
    List<Waiting> late = new ArrayList<>();
    List<Waiting> next = new ArrayList<>(1);
    synchronized (this) {
      long now = System.nanoTime();
      adapt(tookNanos, now);
      inFlight--;
      while (inFlight < (int) limit && !waiting.isEmpty()) {
        Waiting w = waiting.pollFirst();
        if (now - w.startByNanos > 0) {
          late.add(w);
        } else {
          next.add(w);
          inFlight++;
        }
      }
    }
    for (Waiting w : late) {
      w.givenUp.run();
    }
    for (Waiting w : next) {
      w.call.run();
    }
  }

  private void adapt(long tookNanos, long now) {
    if (tookNanos <= slowNanos) {
      limit = Math.min(most, limit + 1 / limit);
    } else if (now - lastCutNanos >= slowNanos) {
      limit = Math.max(1, limit / 2);
      lastCutNanos = now;
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** Calls that may be in flight now. */
  synchronized int limit() {
    return (int) limit;
  }
}
