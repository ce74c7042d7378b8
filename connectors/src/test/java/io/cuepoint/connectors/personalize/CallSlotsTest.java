package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSlotsTest {
  @Test
  void callsBeyondTheLimitWaitAndStartInOrderAsOthersEnd() {
    CallSlots slots = new CallSlots(2);
    List<Integer> started = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      int call = i;
      slots.start(() -> started.add(call));
    }

    assertThat(started).containsExactly(0, 1);
    assertThat(slots.waiting()).isEqualTo(3);
    slots.release();
    assertThat(started).containsExactly(0, 1, 2);
    assertThat(slots.inFlight()).isEqualTo(2);
    slots.release();
    slots.release();
    slots.release();
    slots.release();
    assertThat(started).containsExactly(0, 1, 2, 3, 4);
    assertThat(slots.inFlight()).isZero();
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void aSlotIsFreeAgainOnceItsCallEnds() {
    CallSlots slots = new CallSlots(1);
    List<String> started = new ArrayList<>();

    slots.start(() -> started.add("first"));
    slots.release();
    slots.start(() -> started.add("second"));

    assertThat(started).containsExactly("first", "second");
    assertThat(slots.waiting()).isZero();
  }
}
