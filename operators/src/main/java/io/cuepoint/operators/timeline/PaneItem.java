package io.cuepoint.operators.timeline;

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

  /** The same name seen in another detection record: the best confidence, the frames added. */
  void add(PaneItem other) {
    confidence = Math.max(confidence, other.confidence);
    frames += other.frames;
  }

  /** Pane items are kept in this order: by list, then by name, so merging them needs no map. */
  static int compareKeys(PaneItem a, PaneItem b) {
    int byList = a.list.ordinal() - b.list.ordinal();
    if (byList != 0) {
      return byList;
    }
    return a.name == b.name ? 0 : a.name.compareTo(b.name);
  }
}
