package io.cuepoint.operators.timeline;

/**
 * The items of the run of panes last combined, each list best first, and the pane with the latest
 * detection. One per operator instance, reused from window to window so a window allocates no
 * scratch; windows over the same panes reuse the combination, so sparse detections are combined
 * once, not once per window.
 */
final class WindowItems {
  private final PaneUnion union = new PaneUnion();

  private DetectionPane first;
  private DetectionPane last;
  DetectionPane latest;

  /**
   * The items, in parallel arrays: labels in {@code [0, labelsEnd)}, celebrities in {@code
   * [labelsEnd, celebritiesEnd)}, products in {@code [celebritiesEnd, size)}; each list best first.
   */
  String[] names = new String[32];

  double[] confidences = new double[32];
  int[] frames = new int[32];
  int labelsEnd;
  int celebritiesEnd;
  int size;

  /**
   * Combines the items of {@code panes[from]} to {@code panes[to - 1]}.
   *
   * @param panes non-empty panes in index order
   */
  void combine(DetectionPane[] panes, int from, int to) {
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
    size = union.size;
    labelsEnd = union.size(ContextList.LABELS);
    celebritiesEnd = labelsEnd + union.size(ContextList.CELEBRITIES);
    if (names.length < size) {
      int length = Math.max(size, 2 * names.length);
      names = new String[length];
      confidences = new double[length];
      frames = new int[length];
    }
    union.copyBestFirst(names, confidences, frames);
  }

  /** Whether these are the items of exactly those panes, unchanged since {@link #forget}. */
  boolean covers(DetectionPane[] panes, int from, int to) {
    return first == panes[from] && last == panes[to - 1];
  }

  /** Forgets the panes last combined: a pane may take more detections before it is next read. */
  void forget() {
    first = null;
    last = null;
    latest = null;
  }
}
