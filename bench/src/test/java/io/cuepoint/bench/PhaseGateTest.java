package io.cuepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PhaseGateTest {
  private static final Set<String> SOURCES = Set.of("detections#0", "detections#1", "match-events#0");

  @Test
  void waitsPastTheStallTimeForSourcesThatKeepEmitting() throws Exception {
    PhaseGate gate = PhaseGate.open("slow");
    AtomicBoolean running = new AtomicBoolean(true);
    Thread slowSources = new Thread(() -> {
      try {
        for (String s : SOURCES) {
          // Each source takes longer than the stall time to arrive, but emits all along.
          for (int i = 0; i < 10; i++) {
            gate.emitted();
            Thread.sleep(30);
          }
          new Thread(() -> {
            try {
              gate.arriveAndAwait(1, s, running::get);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }).start();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    slowSources.start();
    try {
      gate.awaitArrivals(1, SOURCES, 200);
      assertThat(gate.emittedSoFar()).isEqualTo(30);
    } finally {
      running.set(false);
      PhaseGate.close("slow");
    }
  }

  @Test
  void givesUpWhenNothingMovesAndNamesTheMissingSources() throws Exception {
    PhaseGate gate = PhaseGate.open("stuck");
    AtomicBoolean running = new AtomicBoolean(true);
    Thread arrived = new Thread(() -> {
      try {
        gate.arriveAndAwait(1, "detections#0", running::get);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    arrived.start();
    try {
      assertThatThrownBy(() -> gate.awaitArrivals(1, SOURCES, 200))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1 of 3 sources reached phase 1")
          .hasMessageContaining("[detections#1, match-events#0]");
    } finally {
      running.set(false);
      PhaseGate.close("stuck");
    }
  }

  @Test
  void releasedSourcesGoOn() throws Exception {
    PhaseGate gate = PhaseGate.open("release");
    Thread source = new Thread(() -> {
      try {
        gate.arriveAndAwait(1, "detections#0", () -> true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    source.start();
    gate.awaitArrivals(1, Set.of("detections#0"), 5_000);
    gate.release(1);
    source.join(5_000);
    assertThat(source.isAlive()).isFalse();
    PhaseGate.close("release");
  }
}
