package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import java.util.Arrays;

/**
 * The detections of one slide-long pane of event time, aggregated: windows are built from panes so
 * each detection is stored once however many windows cover it. Keyed state, so a Flink POJO. Its
 * items are kept in key order (list, then name), so adding a detection and combining panes are
 * merges of sorted arrays rather than work with a map of text keys.
 */
public class DetectionPane {
  /** Event time divided by the slide. */
  public long index;

  public int detections;

  /** Event time of the pane's latest detection. */
  public long latestEventTime;

  /** Stream position of the pane's latest detection. */
  public long latestPositionMs;

  public PaneItem[] items = new PaneItem[0];

  public DetectionPane() {}

  void add(Detection detection, double minConfidence, ItemNames names) {
    if (detections == 0 || isLater(detection.eventTime, detection.positionMs)) {
      latestEventTime = detection.eventTime;
      latestPositionMs = detection.positionMs;
    }
    detections++;

    // A name counts one frame per detection record, however often the record lists it.
    PaneItem[] seen = new PaneItem[detection.items.length];
    int n = 0;
    for (DetectionItem item : detection.items) {
      if (item.confidence < minConfidence) {
        continue;
      }
      seen[n++] =
          new PaneItem(ContextList.of(item.kind), names.shared(item.name), item.confidence, 1);
    }
    PaneItemSort.byKey(seen, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct > 0 && PaneItem.compareKeys(seen[distinct - 1], seen[i]) == 0) {
        if (seen[i].confidence > seen[distinct - 1].confidence) {
          seen[distinct - 1] = seen[i];
        }
      } else {
        seen[distinct++] = seen[i];
      }
    }
    items = withAdded(items, seen, distinct);
  }

  /**
   * The union of the pane's items and a record's first {@code count} {@code seen} items, both in
   * key order: a name the pane has is updated in place, so only a new name makes a new array.
   */
  private static PaneItem[] withAdded(PaneItem[] items, PaneItem[] seen, int count) {
    PaneItem[] out = new PaneItem[items.length + count];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < items.length && j < count) {
      int c = PaneItem.compareKeys(items[i], seen[j]);
      if (c < 0) {
        out[n++] = items[i++];
      } else if (c > 0) {
        out[n++] = seen[j++];
      } else {
        items[i].add(seen[j++]);
        out[n++] = items[i++];
      }
    }
    if (n == i && j == count) {
      // No new name: the pane's array, updated in place, is already the union.
      return items;
    }
    while (i < items.length) {
      out[n++] = items[i++];
    }
    while (j < count) {
      out[n++] = seen[j++];
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Whether a detection at this time and position is later than the pane's latest. */
  boolean isLater(long eventTime, long positionMs) {
    return eventTime > latestEventTime
        || (eventTime == latestEventTime && positionMs > latestPositionMs);
  }
}
