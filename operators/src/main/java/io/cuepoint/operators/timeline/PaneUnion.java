package io.cuepoint.operators.timeline;

/**
 * Scratch space in which a window's panes are combined: the union of their items in key order
 * (list, then name), each name once with its best confidence and its frames added up. Kept in
 * parallel arrays reused from window to window, so combining panes allocates nothing per item.
 * Panes are added in index order and each name's values combined in that order, as one pane's
 * items after another's.
 */
final class PaneUnion {
  /** Longer runs are sorted by merging. */
  static final int INSERTION_MAX = 32;

  int size;
  int[] lists = new int[64];
  String[] names = new String[64];
  double[] confidences = new double[64];
  int[] frames = new int[64];

  // The next union is merged into these, then the two sets of arrays change places.
  private int[] nextLists = new int[64];
  private String[] nextNames = new String[64];
  private double[] nextConfidences = new double[64];
  private int[] nextFrames = new int[64];

  private int[] order = new int[64];
  private int[] sortBuffer = new int[64];

  void clear() {
    size = 0;
  }

  /** Adds a pane's items, which are in key order. */
  void add(PaneItem[] items) {
    ensureNextCapacity(size + items.length);
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < size && j < items.length) {
      PaneItem b = items[j];
      int c = PaneItem.compareKeys(lists[i], names[i], b);
      if (c < 0) {
        copy(i++, n++);
      } else if (c > 0) {
        put(b, n++);
        j++;
      } else {
        nextLists[n] = lists[i];
        nextNames[n] = names[i];
        nextConfidences[n] = Math.max(confidences[i], b.confidence);
        nextFrames[n] = frames[i] + b.frames;
        i++;
        j++;
        n++;
      }
    }
    while (i < size) {
      copy(i++, n++);
    }
    while (j < items.length) {
      put(items[j++], n++);
    }
    swap();
    size = n;
  }

  /** The end of the run of items in {@code list} that starts at {@code from}. */
  int runEnd(int from, ContextList list) {
    int ordinal = list.ordinal();
    int end = from;
    while (end < size && lists[end] == ordinal) {
      end++;
    }
    return end;
  }

  /**
   * Copies the items in {@code [from, to)} to the same places of the given arrays, best first:
   * highest confidence, then by name. A run of one list is in name order and holds each name once,
   * so a stable sort by confidence alone breaks ties by name.
   */
  void copyBestFirst(int from, int to, String[] toNames, double[] toConfidences, int[] toFrames) {
    int n = to - from;
    if (order.length < n) {
      order = new int[Math.max(n, 2 * order.length)];
      sortBuffer = new int[order.length];
    }
    for (int k = 0; k < n; k++) {
      order[k] = from + k;
    }
    mergeSort(order, 0, n, sortBuffer);
    for (int k = 0; k < n; k++) {
      int item = order[k];
      toNames[from + k] = names[item];
      toConfidences[from + k] = confidences[item];
      toFrames[from + k] = frames[item];
    }
  }

  private void insertionSort(int[] order, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      int item = order[k];
      double confidence = confidences[item];
      int low = from;
      int high = k;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (Double.compare(confidence, confidences[order[mid]]) > 0) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      System.arraycopy(order, low, order, low + 1, k - low);
      order[low] = item;
    }
  }

  private void mergeSort(int[] order, int from, int to, int[] buffer) {
    if (to - from <= INSERTION_MAX) {
      insertionSort(order, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, from, mid, buffer);
    mergeSort(order, mid, to, buffer);
    System.arraycopy(order, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      // Ties go to the left half, which keeps the sort stable.
      if (Double.compare(confidences[buffer[j]], confidences[buffer[i]]) > 0) {
        order[k++] = buffer[j++];
      } else {
        order[k++] = buffer[i++];
      }
    }
    while (i < mid) {
      order[k++] = buffer[i++];
    }
    while (j < to) {
      order[k++] = buffer[j++];
    }
  }

  private void copy(int from, int to) {
    nextLists[to] = lists[from];
    nextNames[to] = names[from];
    nextConfidences[to] = confidences[from];
    nextFrames[to] = frames[from];
  }

  private void put(PaneItem item, int to) {
    nextLists[to] = item.list.ordinal();
    nextNames[to] = item.name;
    nextConfidences[to] = item.confidence;
    nextFrames[to] = item.frames;
  }

  private void swap() {
    int[] l = lists;
    lists = nextLists;
    nextLists = l;
    String[] s = names;
    names = nextNames;
    nextNames = s;
    double[] c = confidences;
    confidences = nextConfidences;
    nextConfidences = c;
    int[] f = frames;
    frames = nextFrames;
    nextFrames = f;
  }

  private void ensureNextCapacity(int capacity) {
    if (nextLists.length >= capacity) {
      return;
    }
    int length = Math.max(capacity, 2 * nextLists.length);
    // The current arrays keep their contents; they are grown when they next become the output.
    nextLists = new int[length];
    nextNames = new String[length];
    nextConfidences = new double[length];
    nextFrames = new int[length];
  }
}
