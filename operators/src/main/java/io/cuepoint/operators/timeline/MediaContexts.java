package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;

/** Makes the media context of one window. */
final class MediaContexts {
  private MediaContexts() {}

  /** @param eventsOfInterest raised in the window, in event-time order */
  static MediaContext of(
      String mediaId,
      long windowEnd,
      long windowSizeMs,
      WindowItems items,
      MatchSnapshot match,
      EventOfInterest[] eventsOfInterest) {
    DetectionPane latest = items.latest;
    MediaContext context = new MediaContext();
    context.id = mediaId + ":" + windowEnd;
    context.mediaId = mediaId;
    // The latest detection ties event time to stream position; project it to the window's end.
    context.positionMs = windowEnd + (latest.latestPositionMs - latest.latestEventTime);
    context.windowEndMs = context.positionMs;
    context.windowStartMs = Math.max(0L, context.positionMs - windowSizeMs);
    context.eventTime = windowEnd;
    context.labels = contextItems(items, 0, items.labelsEnd);
    context.celebrities = contextItems(items, items.labelsEnd, items.celebritiesEnd);
    context.products = contextItems(items, items.celebritiesEnd, items.size);
    context.match = match;
    context.eventsOfInterest = eventsOfInterest;
    return context;
  }

  // Each context gets its own items: the WindowItems are scratch, reused for the next window.
  private static ContextItem[] contextItems(WindowItems items, int from, int to) {
    ContextItem[] out = new ContextItem[to - from];
    for (int i = from; i < to; i++) {
      ContextItem c = new ContextItem();
      c.name = items.names[i];
      c.confidence = items.confidences[i];
      c.frames = items.frames[i];
      out[i - from] = c;
    }
    return out;
  }
}
