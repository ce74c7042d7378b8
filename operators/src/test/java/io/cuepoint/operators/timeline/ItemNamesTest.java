package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemNamesTest {
  @Test
  void equalNamesShareTheFirstCopy() {
    ItemNames names = new ItemNames();
    String first = new String("Scarf");

    assertThat(names.shared(first)).isSameAs(first);
    assertThat(names.shared(new String("Scarf"))).isSameAs(first);
    assertThat(names.shared(new String("Ball"))).isEqualTo("Ball");
  }

  @Test
  void namesBeyondTheBoundAreKeptAsGiven() {
    ItemNames names = new ItemNames();
    for (int i = 0; i < ItemNames.MAX_NAMES; i++) {
      names.shared("name " + i);
    }
    String late = new String("late");

    assertThat(names.shared(late)).isSameAs(late);
    assertThat(names.shared(new String("late"))).isNotSameAs(late).isEqualTo("late");
  }
}
