package io.cuepoint.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

/**
 * Where the {@link PhasedSource}s of a run wait at the end of each phase: the bench sees when all
 * have arrived, checkpoints, and releases them into the next phase.
 */
final class PhaseGate {
  private static final Map<String, PhaseGate> GATES = new ConcurrentHashMap<>();

  private final AtomicIntegerArray arrived;
  private volatile int released;

  private PhaseGate(int phases) {
    this.arrived = new AtomicIntegerArray(phases + 1);
  }

  static PhaseGate open(String run, int phases) {
    PhaseGate gate = new PhaseGate(phases);
    GATES.put(run, gate);
    return gate;
  }

  static PhaseGate of(String run) {
    return GATES.get(run);
  }

  static void close(String run) {
    GATES.remove(run);
  }

  void arriveAndAwait(int phase, BooleanSupplier running) throws InterruptedException {
    arrived.incrementAndGet(phase);
    while (released < phase && running.getAsBoolean()) {
      Thread.sleep(20);
    }
  }

  /** Waits until {@code sources} sources have arrived at the end of {@code phase}. */
  void awaitArrivals(int phase, int sources, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (arrived.get(phase) < sources) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "only " + arrived.get(phase) + " of " + sources + " sources reached phase " + phase);
      }
      Thread.sleep(20);
    }
  }

  void release(int phase) {
    released = phase;
  }
}
