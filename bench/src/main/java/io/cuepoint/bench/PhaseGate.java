package io.cuepoint.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Where the {@link PhasedSource}s of a run wait at the end of each phase: the bench sees when all
 * have arrived, checkpoints, and releases them into the next phase. The bench waits as long as the
 * sources make progress, since a slow state backend under back-pressure may take minutes to reach a
 * phase's end; it gives up only when no source has emitted a record or arrived for a while.
 */
final class PhaseGate {
  private static final Map<String, PhaseGate> GATES = new ConcurrentHashMap<>();
  private static final long REPORT_EVERY_MS = 30_000;

  private final Map<Integer, Set<String>> arrived = new ConcurrentHashMap<>();
  private final LongAdder emitted = new LongAdder();
  private volatile int released;

  private PhaseGate() {}

  static PhaseGate open(String run) {
    PhaseGate gate = new PhaseGate();
    GATES.put(run, gate);
    return gate;
  }

  static PhaseGate of(String run) {
    return GATES.get(run);
  }

  static void close(String run) {
    GATES.remove(run);
  }

  /** Counts one record a source emitted: the progress the bench's wait depends on. */
  void emitted() {
    emitted.increment();
  }

  long emittedSoFar() {
    return emitted.sum();
  }

  /** Source {@code source} has reached the end of {@code phase}; waits for the bench to release it. */
  void arriveAndAwait(int phase, String source, BooleanSupplier running) throws InterruptedException {
    arrivals(phase).add(source);
    while (released < phase && running.getAsBoolean()) {
      Thread.sleep(20);
    }
  }

  /**
   * Waits until all {@code sources} have arrived at the end of {@code phase}, for as long as records
   * keep flowing; fails naming the missing sources once nothing moved for {@code stallMs}.
   */
  void awaitArrivals(int phase, Set<String> sources, long stallMs) throws InterruptedException {
    Set<String> here = arrivals(phase);
    long lastEmitted = emitted.sum();
    int lastArrived = here.size();
    long lastProgress = System.currentTimeMillis();
    long lastReport = lastProgress;
    while (!here.containsAll(sources)) {
      Thread.sleep(20);
      long nowEmitted = emitted.sum();
      int nowArrived = here.size();
      if (System.currentTimeMillis() - lastReport >= REPORT_EVERY_MS) {
        lastReport = System.currentTimeMillis();
        System.err.printf("bench:   phase %d: %d of %d sources there, %,d records emitted%n",
            phase, nowArrived, sources.size(), nowEmitted);
      }
      if (nowEmitted != lastEmitted || nowArrived != lastArrived) {
        lastEmitted = nowEmitted;
        lastArrived = nowArrived;
        lastProgress = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - lastProgress > stallMs) {
        Set<String> missing = new TreeSet<>(sources);
        missing.removeAll(here);
        throw new IllegalStateException(String.format(
            "%d of %d sources reached phase %d, no record emitted for %d s (%,d emitted in all); missing: %s",
            here.size(), sources.size(), phase, stallMs / 1000, nowEmitted, missing));
      }
    }
  }

  void release(int phase) {
    released = phase;
  }

  private Set<String> arrivals(int phase) {
    return arrived.computeIfAbsent(phase, p -> ConcurrentHashMap.newKeySet());
  }
}
