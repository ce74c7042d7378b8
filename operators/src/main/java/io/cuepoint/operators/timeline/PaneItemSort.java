package io.cuepoint.operators.timeline;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts pane items in the two orders the timeline needs. The arrays are short (a record's items, a
 * window's list), where a binary insertion sort of its own keeps its comparator call seeing only
 * these two orders, which the JIT inlines, while {@link Arrays#sort}'s is shared with every other
 * sort of the process and rarely is. Both sorts are stable.
 */
final class PaneItemSort {
  /** Longer runs go to {@link Arrays#sort}, whose merges win there. */
  static final int INSERTION_MAX = 48;

  // Ties in confidence are broken by name so the output never depends on arrival order.
  static final Comparator<PaneItem> BEST_FIRST = PaneItemSort::compareBestFirst;
  static final Comparator<PaneItem> BY_KEY = PaneItem::compareKeys;

  private PaneItemSort() {}

  /** Sorts {@code items[from, to)} by key: list, then name. */
  static void byKey(PaneItem[] items, int from, int to) {
    sort(items, from, to, BY_KEY);
  }

  /** Sorts {@code items[from, to)} best first: highest confidence, then by name. */
  static void bestFirst(PaneItem[] items, int from, int to) {
    sort(items, from, to, BEST_FIRST);
  }

  private static void sort(PaneItem[] items, int from, int to, Comparator<PaneItem> order) {
    if (to - from > INSERTION_MAX) {
      Arrays.sort(items, from, to, order);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      PaneItem item = items[i];
      int low = from;
      int high = i;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (order.compare(item, items[mid]) < 0) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      System.arraycopy(items, low, items, low + 1, i - low);
      items[low] = item;
    }
  }

  static int compareBestFirst(PaneItem a, PaneItem b) {
    int byConfidence = Double.compare(b.confidence, a.confidence);
    return byConfidence != 0 ? byConfidence : a.name.compareTo(b.name);
  }
}
