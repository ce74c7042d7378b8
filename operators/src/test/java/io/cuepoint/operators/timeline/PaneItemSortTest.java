package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The specialised sort puts pane items where a stable {@link Arrays#sort} would. */
class PaneItemSortTest {
  private static final String[] NAMES = {"ball", "Ball", "scarf", "anthem", "crowd", "é", ""};

  @Test
  void sortsByKeyLikeArraysSortOnRandomInput() {
    agreesWithArraysSort(PaneItemSort.BY_KEY, PaneItemSort::byKey);
  }

  private interface RangeSort {
    void sort(PaneItem[] items, int from, int to);
  }

  private static void agreesWithArraysSort(
      Comparator<PaneItem> order, RangeSort sort) {
    Random random = new Random(5);
    for (int run = 0; run < 5_000; run++) {
      int length = random.nextInt(run % 10 == 0 ? 4 * PaneItemSort.INSERTION_MAX : 30);
      PaneItem[] items = new PaneItem[length];
      for (int i = 0; i < length; i++) {
        // Few names and confidences, so equal keys and ties are common; frames tell them apart.
        items[i] =
            new PaneItem(
                ContextList.values()[random.nextInt(ContextList.values().length)],
                NAMES[random.nextInt(NAMES.length)],
                50 + random.nextInt(4) * 10.0,
                i);
      }
      int from = length == 0 ? 0 : random.nextInt(length);
      int to = from + (length == from ? 0 : random.nextInt(length - from + 1));
      PaneItem[] expected = items.clone();
      Arrays.sort(expected, from, to, order);

      sort.sort(items, from, to);

      assertThat(items).as("run %d", run).containsExactly(expected);
    }
  }
}
