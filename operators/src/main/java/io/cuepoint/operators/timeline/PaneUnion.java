package io.cuepoint.operators.timeline;

import java.util.Arrays;

/**
 * Scratch space in which a window's panes are combined: each name of each list once, with its best
 * confidence and its frames added up, then each list sorted best first. Items are found through a
 * hash table rather than by merging the panes in name order, so combining compares no names but
 * equal ones (and those mostly by reference: panes share their names); the sort compares names
 * only to break a tie of confidences. Kept in parallel arrays reused from window to window, so
 * combining panes allocates nothing per item.
 */
final class PaneUnion {
  /** Longer lists are sorted by merging. */
  static final int INSERTION_MAX = 32;

  private static final int LISTS = ContextList.values().length;

  /** Items in the order they were first added. */
  int size;

  private int[] lists = new int[32];
  private String[] names = new String[32];
  private double[] confidences = new double[32];
  private int[] frames = new int[32];
  private int[] hashes = new int[32];

  private final int[] listSizes = new int[LISTS];
  private final int[] listEnds = new int[LISTS];

  /**
   * Open addressing with linear probing, at most a quarter full: a slot holds an item index, and is
   * taken only while its stamp is the current one, so clearing the table is a new stamp.
   */
  private int[] slots = new int[128];

  private int[] slotStamps = new int[128];
  private int stamp = 1;
  private int shift = Integer.SIZE - 7;

  private int[] order = new int[32];
  private long[] keys = new long[32];
  private int[] orderBuffer = new int[32];
  private long[] keyBuffer = new long[32];

  void clear() {
    size = 0;
    Arrays.fill(listSizes, 0);
    stamp++;
    if (stamp == 0) {
      Arrays.fill(slotStamps, 0);
      stamp = 1;
    }
  }

  /** Adds a pane's items, each name of a list at most once. */
  void add(PaneItem[] items) {
    ensureCapacity(size + items.length);
    int mask = slots.length - 1;
    for (PaneItem item : items) {
      int list = item.list.ordinal();
      String name = item.name;
      int hash = hash(list, name);
      int slot = slotOf(hash);
      while (true) {
        if (slotStamps[slot] != stamp) {
          slotStamps[slot] = stamp;
          slots[slot] = size;
          lists[size] = list;
          names[size] = name;
          hashes[size] = hash;
          confidences[size] = item.confidence;
          frames[size] = item.frames;
          size++;
          listSizes[list]++;
          break;
        }
        int at = slots[slot];
        if (hashes[at] == hash
            && lists[at] == list
            && (names[at] == name || names[at].equals(name))) {
          confidences[at] = Math.max(confidences[at], item.confidence);
          frames[at] += item.frames;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /** How many names of {@code list} the union holds. */
  int size(ContextList list) {
    return listSizes[list.ordinal()];
  }

  /**
   * Copies the items to the given arrays, list by list in {@link ContextList} order, each list best
   * first: highest confidence, then by name.
   */
  void copyBestFirst(String[] toNames, double[] toConfidences, int[] toFrames) {
    if (order.length < size) {
      int length = Math.max(size, 2 * order.length);
      order = new int[length];
      keys = new long[length];
      orderBuffer = new int[length];
      keyBuffer = new long[length];
    }
    // Each list's items go to its own range of the order, then each range is sorted.
    int[] ends = listEnds;
    ends[0] = 0;
    for (int list = 1; list < LISTS; list++) {
      ends[list] = ends[list - 1] + listSizes[list - 1];
    }
    for (int item = 0; item < size; item++) {
      int at = ends[lists[item]]++;
      order[at] = item;
      keys[at] = sortKey(confidences[item]);
    }
    int from = 0;
    for (int list = 0; list < LISTS; list++) {
      sort(from, ends[list]);
      from = ends[list];
    }
    for (int k = 0; k < size; k++) {
      int item = order[k];
      toNames[k] = names[item];
      toConfidences[k] = confidences[item];
      toFrames[k] = frames[item];
    }
  }

  /**
   * A key whose signed order is {@link Double#compare}'s order of the confidences (NaN highest,
   * -0.0 below 0.0), so sorting compares longs.
   */
  static long sortKey(double confidence) {
    long bits = Double.doubleToLongBits(confidence);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** Whether an item comes before another of the same list: a higher key, then a lower name. */
  private boolean before(long keyA, int a, long keyB, int b) {
    return keyA > keyB || (keyA == keyB && names[a].compareTo(names[b]) < 0);
  }

  /** Sorts {@code order[from, to)}, and its keys, best first. */
  private void sort(int from, int to) {
    if (to - from <= INSERTION_MAX) {
      // A straight insertion sort: its loop exits are predictable, unlike a binary search's.
      for (int k = from + 1; k < to; k++) {
        int item = order[k];
        long key = keys[k];
        int j = k;
        while (j > from && before(key, item, keys[j - 1], order[j - 1])) {
          order[j] = order[j - 1];
          keys[j] = keys[j - 1];
          j--;
        }
        order[j] = item;
        keys[j] = key;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(from, mid);
    sort(mid, to);
    System.arraycopy(order, from, orderBuffer, from, to - from);
    System.arraycopy(keys, from, keyBuffer, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (before(keyBuffer[j], orderBuffer[j], keyBuffer[i], orderBuffer[i])) {
        order[k] = orderBuffer[j];
        keys[k++] = keyBuffer[j++];
      } else {
        order[k] = orderBuffer[i];
        keys[k++] = keyBuffer[i++];
      }
    }
    while (i < mid) {
      order[k] = orderBuffer[i];
      keys[k++] = keyBuffer[i++];
    }
    while (j < to) {
      order[k] = orderBuffer[j];
      keys[k++] = keyBuffer[j++];
    }
  }

  private static int hash(int list, String name) {
    return name.hashCode() * 31 + list;
  }

  /** Fibonacci hashing: the top bits of the product, which every bit of the hash moves. */
  private int slotOf(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  private void ensureCapacity(int capacity) {
    if (lists.length < capacity) {
      int length = Math.max(capacity, 2 * lists.length);
      lists = Arrays.copyOf(lists, length);
      names = Arrays.copyOf(names, length);
      confidences = Arrays.copyOf(confidences, length);
      frames = Arrays.copyOf(frames, length);
      hashes = Arrays.copyOf(hashes, length);
    }
    if (slots.length >= 4 * capacity) {
      return;
    }
    int length = Integer.highestOneBit(4 * capacity - 1) << 1;
    slots = new int[length];
    slotStamps = new int[length];
    stamp = 1;
    shift = Integer.SIZE - Integer.numberOfTrailingZeros(length);
    int mask = length - 1;
    for (int item = 0; item < size; item++) {
      int slot = slotOf(hashes[item]);
      while (slotStamps[slot] == stamp) {
        slot = (slot + 1) & mask;
      }
      slotStamps[slot] = stamp;
      slots[slot] = item;
    }
  }
}
