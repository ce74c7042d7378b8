package io.cuepoint.operators.timeline;

/**
 * The items of one run of panes, each list best first, and the pane with the latest detection.
 * Windows over the same panes share it, so sparse detections are combined once, not once per
 * window.
 */
final class WindowItems {
  final DetectionPane first;
  final DetectionPane last;
  final DetectionPane latest;

  /**
   * The items, in parallel arrays: labels in {@code [0, labelsEnd)}, celebrities in {@code
   * [labelsEnd, celebritiesEnd)}, products after them; each list best first.
   */
  final String[] names;

  final double[] confidences;
  final int[] frames;
  final int labelsEnd;
  final int celebritiesEnd;

  /**
   * @param panes non-empty panes in index order: {@code panes[from]} to {@code panes[to - 1]}
   * @param union scratch space, cleared first
   */
  WindowItems(DetectionPane[] panes, int from, int to, PaneUnion union) {
    first = panes[from];
    last = panes[to - 1];
    DetectionPane latestPane = first;
    union.clear();
    union.add(first.items);
    for (int i = from + 1; i < to; i++) {
      DetectionPane pane = panes[i];
      if (latestPane.isLater(pane.latestEventTime, pane.latestPositionMs)) {
        latestPane = pane;
      }
      union.add(pane.items);
    }
    latest = latestPane;
    // In key order each list is one run of the union.
    labelsEnd = union.runEnd(0, ContextList.LABELS);
    celebritiesEnd = union.runEnd(labelsEnd, ContextList.CELEBRITIES);
    int size = union.runEnd(celebritiesEnd, ContextList.PRODUCTS);
    names = new String[size];
    confidences = new double[size];
    frames = new int[size];
    union.copyBestFirst(0, labelsEnd, names, confidences, frames);
    union.copyBestFirst(labelsEnd, celebritiesEnd, names, confidences, frames);
    union.copyBestFirst(celebritiesEnd, size, names, confidences, frames);
  }

  /** Whether these are the items of exactly those panes. */
  boolean covers(DetectionPane[] panes, int from, int to) {
    return first == panes[from] && last == panes[to - 1];
  }
}
