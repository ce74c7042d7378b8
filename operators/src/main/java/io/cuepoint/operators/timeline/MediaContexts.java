package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Combines the panes of one window into its media context. */
final class MediaContexts {
  // Ties in confidence are broken by name so the output never depends on arrival order.
  private static final Comparator<ContextItem> BEST_FIRST =
      Comparator.comparing((ContextItem i) -> i.confidence).reversed().thenComparing(i -> i.name);

  private MediaContexts() {}

  /**
   * @param panes the window's non-empty detection panes
   * @param eventsOfInterest raised in the window, in event-time order
   */
  static MediaContext of(
      String mediaId,
      long windowEnd,
      long windowSizeMs,
      List<DetectionPane> panes,
      MatchSnapshot match,
      EventOfInterest[] eventsOfInterest) {
    DetectionPane latest = panes.get(0);
    Map<String, PaneItem> items = new LinkedHashMap<>();
    for (DetectionPane pane : panes) {
      if (latest.isLater(pane.latestEventTime, pane.latestPositionMs)) {
        latest = pane;
      }
      for (PaneItem item : pane.items) {
        items.merge(item.key(), item, PaneItem::combined);
      }
    }

    MediaContext context = new MediaContext();
    context.id = mediaId + ":" + windowEnd;
    context.mediaId = mediaId;
    // The latest detection ties event time to stream position; project it to the window's end.
    context.positionMs = windowEnd + (latest.latestPositionMs - latest.latestEventTime);
    context.windowEndMs = context.positionMs;
    context.windowStartMs = Math.max(0L, context.positionMs - windowSizeMs);
    context.eventTime = windowEnd;
    Map<ContextList, ContextItem[]> lists = byList(items.values());
    context.labels = lists.get(ContextList.LABELS);
    context.celebrities = lists.get(ContextList.CELEBRITIES);
    context.products = lists.get(ContextList.PRODUCTS);
    context.match = match;
    context.eventsOfInterest = eventsOfInterest;
    return context;
  }

  private static Map<ContextList, ContextItem[]> byList(Iterable<PaneItem> items) {
    Map<ContextList, List<ContextItem>> lists = new EnumMap<>(ContextList.class);
    for (ContextList list : ContextList.values()) {
      lists.put(list, new ArrayList<>());
    }
    for (PaneItem item : items) {
      ContextItem c = new ContextItem();
      c.name = item.name;
      c.confidence = item.confidence;
      c.frames = item.frames;
      lists.get(item.list).add(c);
    }
    Map<ContextList, ContextItem[]> sorted = new EnumMap<>(ContextList.class);
    for (Map.Entry<ContextList, List<ContextItem>> list : lists.entrySet()) {
      list.getValue().sort(BEST_FIRST);
      sorted.put(list.getKey(), list.getValue().toArray(new ContextItem[0]));
    }
    return sorted;
  }
}
