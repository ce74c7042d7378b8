package io.cuepoint.operators.timeline;

import java.util.Arrays;

/**
 * The items of one run of panes, each list best first, and the pane with the latest detection.
 * Windows over the same panes share it, so sparse detections are combined once, not once per
 * window.
 */
final class WindowItems {
  final DetectionPane first;
  final DetectionPane last;
  final DetectionPane latest;
  final PaneItem[] labels;
  final PaneItem[] celebrities;
  final PaneItem[] products;

  /** @param panes non-empty panes in index order: {@code panes[from]} to {@code panes[to - 1]} */
  WindowItems(DetectionPane[] panes, int from, int to) {
    first = panes[from];
    last = panes[to - 1];
    DetectionPane latestPane = first;
    // Pane items are in key order (list, then name): the window's items are their sorted union.
    PaneItem[] items = first.items;
    for (int i = from + 1; i < to; i++) {
      DetectionPane pane = panes[i];
      if (latestPane.isLater(pane.latestEventTime, pane.latestPositionMs)) {
        latestPane = pane;
      }
      items = PaneItem.merge(items, pane.items);
    }
    latest = latestPane;
    // In key order each list is one run of the array.
    int labelsEnd = runEnd(items, 0, ContextList.LABELS);
    int celebritiesEnd = runEnd(items, labelsEnd, ContextList.CELEBRITIES);
    labels = bestFirst(items, 0, labelsEnd);
    celebrities = bestFirst(items, labelsEnd, celebritiesEnd);
    int productsEnd = runEnd(items, celebritiesEnd, ContextList.PRODUCTS);
    products = bestFirst(items, celebritiesEnd, productsEnd);
  }

  /** Whether these are the items of exactly those panes. */
  boolean covers(DetectionPane[] panes, int from, int to) {
    return first == panes[from] && last == panes[to - 1];
  }

  private static int runEnd(PaneItem[] items, int from, ContextList list) {
    int end = from;
    while (end < items.length && items[end].list == list) {
      end++;
    }
    return end;
  }

  private static PaneItem[] bestFirst(PaneItem[] items, int from, int to) {
    PaneItem[] run = Arrays.copyOfRange(items, from, to);
    PaneItemSort.bestFirst(run, 0, run.length);
    return run;
  }
}
