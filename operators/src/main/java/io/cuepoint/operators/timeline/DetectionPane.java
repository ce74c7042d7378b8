package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detections of one slide-long pane of event time, aggregated: windows are built from panes so
 * each detection is stored once however many windows cover it. Keyed state, so a Flink POJO.
 */
public class DetectionPane {
  public int detections;

  /** Event time of the pane's latest detection. */
  public long latestEventTime;

  /** Stream position of the pane's latest detection. */
  public long latestPositionMs;

  public PaneItem[] items = new PaneItem[0];

  public DetectionPane() {}

  void add(Detection detection, double minConfidence) {
    if (detections == 0 || isLater(detection.eventTime, detection.positionMs)) {
      latestEventTime = detection.eventTime;
      latestPositionMs = detection.positionMs;
    }
    detections++;

    Map<String, PaneItem> byKey = byKey();
    // A name counts one frame per detection record, however often the record lists it.
    Map<String, PaneItem> inDetection = new LinkedHashMap<>();
    for (DetectionItem item : detection.items) {
      if (item.confidence < minConfidence) {
        continue;
      }
      PaneItem seen = new PaneItem(ContextList.of(item.kind), item.name, item.confidence, 1);
      inDetection.merge(seen.key(), seen, (a, b) -> a.confidence >= b.confidence ? a : b);
    }
    for (Map.Entry<String, PaneItem> entry : inDetection.entrySet()) {
      byKey.merge(entry.getKey(), entry.getValue(), PaneItem::combined);
    }
    items = byKey.values().toArray(new PaneItem[0]);
  }

  /** Whether a detection at this time and position is later than the pane's latest. */
  boolean isLater(long eventTime, long positionMs) {
    return eventTime > latestEventTime
        || (eventTime == latestEventTime && positionMs > latestPositionMs);
  }

  private Map<String, PaneItem> byKey() {
    Map<String, PaneItem> byKey = new LinkedHashMap<>();
    for (PaneItem item : items) {
      byKey.put(item.key(), item);
    }
    return byKey;
  }
}
