package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSlotsTest {
  private static final long LATER = System.nanoTime() + 3_600_000_000_000L;
  private static final long SLOW = 400_000_000L;
  private static final long FAST = 50_000_000L;

  @Test
  void callsBeyondTheLimitWaitAndStartInOrderAsOthersEnd() {
    CallSlots slots = new CallSlots(2, SLOW);
    List<Integer> started = new ArrayList<>();
    List<Integer> givenUp = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      int call = i;
      slots.start(() -> started.add(call), () -> givenUp.add(call), LATER);
    }

    assertThat(started).containsExactly(0, 1);
    assertThat(slots.waiting()).isEqualTo(3);
    slots.release(FAST);
    assertThat(started).containsExactly(0, 1, 2);
    assertThat(slots.inFlight()).isEqualTo(2);
    for (int i = 0; i < 4; i++) {
      slots.release(FAST);
    }
    assertThat(started).containsExactly(0, 1, 2, 3, 4);
    assertThat(givenUp).isEmpty();
    assertThat(slots.inFlight()).isZero();
    assertThat(slots.waiting()).isZero();
  }

  /** Thousands of late calls are given up in one release, without a call or a deep stack. */
  @Test
  void waitingCallsPastTheirStartByTimeAreGivenUpAndTheNextInTimeStarts() {
    CallSlots slots = new CallSlots(1, SLOW);
    List<String> started = new ArrayList<>();
    int[] givenUp = {0};
    long past = System.nanoTime() - 1;

    slots.start(() -> started.add("first"), () -> givenUp[0]++, LATER);
    for (int i = 0; i < 100_000; i++) {
      slots.start(() -> started.add("late"), () -> givenUp[0]++, past);
    }
    slots.start(() -> started.add("in time"), () -> givenUp[0]++, LATER);
    slots.release(FAST);

    assertThat(started).containsExactly("first", "in time");
    assertThat(givenUp[0]).isEqualTo(100_000);
    assertThat(slots.inFlight()).isEqualTo(1);
    slots.release(FAST);
    assertThat(slots.inFlight()).isZero();
  }

  /** Slow answers mean the calls queue in the client: fewer start until fast answers come back. */
  @Test
  void slowCallsHalveTheLimitOnceAndFastOnesRaiseItBackToTheMost() {
    CallSlots slots = new CallSlots(8, SLOW);
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int call = i;
      slots.start(() -> started.add(call), () -> {}, LATER);
    }
    assertThat(started).hasSize(8);

    // All eight in flight answer slowly together: one cut, not eight.
    for (int i = 0; i < 8; i++) {
      slots.release(SLOW + 1);
    }
    assertThat(slots.limit()).isEqualTo(4);
    assertThat(slots.inFlight()).isEqualTo(4);
    assertThat(started).hasSize(12);

    int released = 0;
    while (slots.limit() < 8) {
      slots.release(FAST);
      released++;
      assertThat(slots.inFlight()).isEqualTo(slots.limit());
    }
    // About one more per round trip of the calls in flight: 4 + 5 + 6 + 7 answers.
    assertThat(released).isBetween(20, 24);
    assertThat(started).hasSize(12 + released + 4);
  }
}
