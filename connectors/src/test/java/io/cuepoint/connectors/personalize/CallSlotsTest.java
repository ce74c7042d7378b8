package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSlotsTest {
  private static final long LATER = System.nanoTime() + 3_600_000_000_000L;

  @Test
  void callsBeyondTheLimitWaitAndStartInOrderAsOthersEnd() {
    CallSlots slots = new CallSlots(2);
    List<Integer> started = new ArrayList<>();
    List<Integer> givenUp = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      int call = i;
      slots.start(() -> started.add(call), () -> givenUp.add(call), LATER);
    }

    assertThat(started).containsExactly(0, 1);
    assertThat(slots.waiting()).isEqualTo(3);
    slots.release();
    assertThat(started).containsExactly(0, 1, 2);
    assertThat(slots.inFlight()).isEqualTo(2);
    for (int i = 0; i < 4; i++) {
      slots.release();
    }
    assertThat(started).containsExactly(0, 1, 2, 3, 4);
    assertThat(givenUp).isEmpty();
    assertThat(slots.inFlight()).isZero();
    assertThat(slots.waiting()).isZero();
  }

  /** Thousands of late calls are given up in one release, without a call or a deep stack. */
  @Test
  void waitingCallsPastTheirStartByTimeAreGivenUpAndTheNextInTimeStarts() {
    CallSlots slots = new CallSlots(1);
    List<String> started = new ArrayList<>();
    int[] givenUp = {0};
    long past = System.nanoTime() - 1;

    slots.start(() -> started.add("first"), () -> givenUp[0]++, LATER);
    for (int i = 0; i < 100_000; i++) {
      slots.start(() -> started.add("late"), () -> givenUp[0]++, past);
    }
    slots.start(() -> started.add("in time"), () -> givenUp[0]++, LATER);
    slots.release();

    assertThat(started).containsExactly("first", "in time");
    assertThat(givenUp[0]).isEqualTo(100_000);
    assertThat(slots.inFlight()).isEqualTo(1);
    slots.release();
    assertThat(slots.inFlight()).isZero();
  }
}
