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

  /** The same name seen in other detection records: the best confidence, the frames added. */
  static PaneItem combined(PaneItem a, PaneItem b) {
    return new PaneItem(a.list, a.name, Math.max(a.confidence, b.confidence), a.frames + b.frames);
  }

  String key() {
    return list + "/" + name;
  }
}
