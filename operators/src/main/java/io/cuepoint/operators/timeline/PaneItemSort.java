package io.cuepoint.operators.timeline;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts a record's pane items by key. The arrays are short, where a binary insertion sort of its
 * own keeps its comparison inlined by the JIT, while {@link Arrays#sort}'s comparator call is
 * shared with every other sort of the process and rarely is. The sort is stable.
 */
final class PaneItemSort {
  /** Longer runs go to {@link Arrays#sort}, whose merges win there. */
  static final int INSERTION_MAX = 48;

  static final Comparator<PaneItem> BY_KEY = PaneItem::compareKeys;

  private PaneItemSort() {}

  /** Sorts {@code items[from, to)} by key: list, then name. */
  static void byKey(PaneItem[] items, int from, int to) {
    if (to - from > INSERTION_MAX) {
      Arrays.sort(items, from, to, BY_KEY);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      PaneItem item = items[i];
      int low = from;
      int high = i;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (PaneItem.compareKeys(item, items[mid]) < 0) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      System.arraycopy(items, low, items, low + 1, i - low);
      items[low] = item;
    }
  }
}
