package io.cuepoint.operators.timeline;

import java.util.Arrays;

/** One name seen in a pane. Keyed state, so a Flink POJO. */
public class PaneItem {
  public ContextList list;
  public String name;

  /** Best confidence in the pane. */
  public double confidence;

  /** Detection records of the pane that contain the name. */
  public int frames;

  public PaneItem() {}

  PaneItem(ContextList list, String name, double confidence, int frames) {
    this.list = list;
    this.name = name;
    this.confidence = confidence;
    this.frames = frames;
  }

  /** The same name seen in other detection records: the best confidence, the frames added. */
  static PaneItem combined(PaneItem a, PaneItem b) {
    return new PaneItem(a.list, a.name, Math.max(a.confidence, b.confidence), a.frames + b.frames);
  }

  /** Pane items are kept in this order: by list, then by name, so merging them needs no map. */
  static int compareKeys(PaneItem a, PaneItem b) {
    int byList = a.list.compareTo(b.list);
    return byList != 0 ? byList : a.name.compareTo(b.name);
  }

  /**
   * The union of two arrays in key order, each name once ({@link #combined} where both have it).
   */
  static PaneItem[] merge(PaneItem[] a, PaneItem[] b) {
    PaneItem[] out = new PaneItem[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      int c = compareKeys(a[i], b[j]);
      if (c < 0) {
        out[n++] = a[i++];
      } else if (c > 0) {
        out[n++] = b[j++];
      } else {
        out[n++] = combined(a[i++], b[j++]);
      }
    }
    while (i < a.length) {
      out[n++] = a[i++];
    }
    while (j < b.length) {
      out[n++] = b[j++];
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
