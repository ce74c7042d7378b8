package io.cuepoint.operators.timeline;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts pane items in the two orders the timeline needs. The arrays are short (a record's items, a
 * window's list), where a binary insertion sort with the comparison written in beats
 * {@link Arrays#sort}: its comparator call is shared with every other sort of the process, so it
 * is rarely inlined. Both sorts are stable.
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

  /** Sorts {@code items[from, to)} best first: highest confidence, then by name. */
  static void bestFirst(PaneItem[] items, int from, int to) {
    if (to - from > INSERTION_MAX) {
      Arrays.sort(items, from, to, BEST_FIRST);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      PaneItem item = items[i];
      int low = from;
      int high = i;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (compareBestFirst(item, items[mid]) < 0) {
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
