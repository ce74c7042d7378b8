package io.cuepoint.connectors.rekognition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets calls of one API out at the rate of its {@link TokenBucket}, without blocking any thread: a
 * call with a token goes at once on the caller's thread; any other waits in a bounded queue that
 * a timer drains when the next token is due. A call abandoned while waiting (its frame timed out)
 * is dropped without taking a token.
 */
final class RateGate {
  /** One call waiting for its token. */
  interface Call {
    /** True when nobody waits for the answer any more. */
    boolean abandoned();

    /** Sends the call: it has its token. */
    void send();

    /** The call will never be sent. */
    void refuse(String reason);
  }

  private final TokenBucket bucket;
  private final int capacity;
  private final ScheduledExecutorService timer;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private boolean drainScheduled;

  /**
   * @param capacity calls that may wait at once: a frame has at most one call of an API waiting,
   *     so the async operator's capacity is enough
   */
  RateGate(TokenBucket bucket, int capacity, ScheduledExecutorService timer, LongSupplier nanoClock) {
    this.bucket = bucket;
    this.capacity = capacity;
    this.timer = timer;
    this.nanoClock = nanoClock;
  }

  void submit(Call call) {
    boolean sendNow = false;
    boolean full = false;
    synchronized (this) {
      if (waiting.isEmpty() && bucket.tryTake(nanoClock.getAsLong())) {
        sendNow = true;
      } else if (waiting.size() >= capacity) {
        full = true;
      } else {
        waiting.addLast(call);
        scheduleDrain();
      }
    }
    if (sendNow) {
      call.send();
    } else if (full) {
      call.refuse(capacity + " calls already wait for their turn");
    }
  }

  synchronized int waiting() {
    return waiting.size();
  }

  private void drain() {
    List<Call> ready = new ArrayList<>();
    List<Call> dropped = new ArrayList<>();
    synchronized (this) {
      drainScheduled = false;
      while (!waiting.isEmpty()) {
        Call next = waiting.peekFirst();
        if (next.abandoned()) {
          dropped.add(waiting.removeFirst());
        } else if (bucket.tryTake(nanoClock.getAsLong())) {
          ready.add(waiting.removeFirst());
        } else {
          break;
        }
      }
      if (!waiting.isEmpty()) {
        scheduleDrain();
      }
    }
    dropped.forEach(c -> c.refuse("abandoned while waiting for its turn"));
    ready.forEach(Call::send);
  }

  /** Called with the lock held. */
  private void scheduleDrain() {
    if (drainScheduled) {
      return;
    }
    drainScheduled = true;
    try {
      timer.schedule(this::drain, bucket.nanosUntilToken(nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // The function is closing: nothing waits for these calls any more.
      drainScheduled = false;
    }
  }
}
