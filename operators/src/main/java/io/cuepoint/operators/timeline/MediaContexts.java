package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Combines the panes of one window into its media context. */
final class MediaContexts {
  // Ties in confidence are broken by name so the output never depends on arrival order.
  private static final Comparator<PaneItem> BEST_FIRST =
      (a, b) -> {
        int byConfidence = Double.compare(b.confidence, a.confidence);
        return byConfidence != 0 ? byConfidence : a.name.compareTo(b.name);
      };

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
    // Pane items are in key order (list, then name): the window's items are their sorted union.
    PaneItem[] items = new PaneItem[0];
    for (DetectionPane pane : panes) {
      if (latest.isLater(pane.latestEventTime, pane.latestPositionMs)) {
        latest = pane;
      }
      items = PaneItem.merge(items, PaneItem.inKeyOrder(pane.items));
    }

    MediaContext context = new MediaContext();
    context.id = mediaId + ":" + windowEnd;
    context.mediaId = mediaId;
    // The latest detection ties event time to stream position; project it to the window's end.
    context.positionMs = windowEnd + (latest.latestPositionMs - latest.latestEventTime);
    context.windowEndMs = context.positionMs;
    context.windowStartMs = Math.max(0L, context.positionMs - windowSizeMs);
    context.eventTime = windowEnd;
    context.labels = list(items, ContextList.LABELS);
    context.celebrities = list(items, ContextList.CELEBRITIES);
    context.products = list(items, ContextList.PRODUCTS);
    context.match = match;
    context.eventsOfInterest = eventsOfInterest;
    return context;
  }

  /** The items of one list, best first: in key order, each list is one run of the array. */
  private static ContextItem[] list(PaneItem[] items, ContextList list) {
    int from = 0;
    while (from < items.length && items[from].list.compareTo(list) < 0) {
      from++;
    }
    int to = from;
    while (to < items.length && items[to].list == list) {
      to++;
    }
    PaneItem[] run = Arrays.copyOfRange(items, from, to);
    Arrays.sort(run, BEST_FIRST);
    ContextItem[] out = new ContextItem[run.length];
    for (int i = 0; i < run.length; i++) {
      ContextItem c = new ContextItem();
      c.name = run[i].name;
      c.confidence = run[i].confidence;
      c.frames = run[i].frames;
      out[i] = c;
    }
    return out;
  }
}
