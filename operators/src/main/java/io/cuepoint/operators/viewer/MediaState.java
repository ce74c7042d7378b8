package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.ViewerEvent;
import java.util.Arrays;
import java.util.Comparator;

/**
 * What the viewer-context operator keeps for one media besides its viewers: the live context, the
 * inputs waiting for the watermark and the sweeps due, all in one value so that an input costs one
 * state access and the media needs one event-time timer (at {@link #nextDue()}) instead of one per
 * event time.
 */
public class MediaState {
  // Ties at one timestamp are broken by content, not by arrival, to keep the output deterministic;
  // what is equal even so keeps its order of arrival.
  static final Comparator<ViewerEvent> SAME_TIME_ORDER =
      Comparator.comparing((ViewerEvent e) -> e.viewerId)
          .thenComparing(e -> e.type)
          .thenComparing(e -> e.itemId == null ? "" : e.itemId)
          .thenComparing(e -> e.interaction == null ? "" : e.interaction.name())
          .thenComparing(e -> e.positionMs == null ? 0L : e.positionMs);

  private static final LiveUpdate[] NO_LIVE_UPDATES = new LiveUpdate[0];
  private static final ViewerEvent[] NO_VIEWER_EVENTS = new ViewerEvent[0];

  /** Null until the first live update, and again after the media's idle timeout. */
  public LiveContext live;
  /** Waiting for the watermark: by event time, then {@link #SAME_TIME_ORDER}, then arrival. */
  public ViewerEvent[] viewerEvents = new ViewerEvent[0];
  /** Waiting for the watermark: by event time, match before screen, then arrival. */
  public LiveUpdate[] liveUpdates = new LiveUpdate[0];
  /** Times of the sweeps due, ascending, distinct; only the first is needed, see sweepBy. */
  public long[] sweeps = new long[0];
  /** No viewer of the media goes silent before this, so a sweep before it need not look. */
  public long earliestExpiry = Long.MAX_VALUE;

  public MediaState() {}

  // During a firing, the inputs before these have been handled; dropped by compact().
  private transient int liveUpdatesHandled;
  private transient int viewerEventsHandled;

  /** The earliest time something is due, or {@link Long#MAX_VALUE} when nothing is. */
  long nextDue() {
    long due = sweeps.length > 0 ? sweeps[0] : Long.MAX_VALUE;
    if (viewerEventsHandled < viewerEvents.length) {
      due = Math.min(due, viewerEvents[viewerEventsHandled].eventTime);
    }
    if (liveUpdatesHandled < liveUpdates.length) {
      due = Math.min(due, liveUpdates[liveUpdatesHandled].eventTime);
    }
    return due;
  }

  boolean nothingDue() {
    return sweeps.length == 0
        && viewerEventsHandled == viewerEvents.length
        && liveUpdatesHandled == liveUpdates.length;
  }

  boolean empty() {
    return nothingDue() && live == null;
  }

  void add(ViewerEvent e) {
    compact();
    viewerEvents = insert(viewerEvents, after(viewerEvents, e, MediaState::sameTimeOrder), e);
  }

  void add(LiveUpdate u) {
    compact();
    liveUpdates = insert(liveUpdates, after(liveUpdates, u, MediaState::liveOrder), u);
  }

  /**
   * Makes sure a sweep is due at or before {@code time}: a sweep due earlier schedules the next
   * itself, so only an earlier time than every pending sweep is added, in front.
   */
  void sweepBy(long time) {
    if (sweeps.length == 0 || time < sweeps[0]) {
      long[] grown = new long[sweeps.length + 1];
      grown[0] = time;
      System.arraycopy(sweeps, 0, grown, 1, sweeps.length);
      sweeps = grown;
    }
  }

  /** Takes the live updates due at {@code time} (the earliest pending), in order. */
  LiveUpdate[] takeLiveUpdates(long time) {
    int from = liveUpdatesHandled;
    while (liveUpdatesHandled < liveUpdates.length && liveUpdates[liveUpdatesHandled].eventTime == time) {
      liveUpdatesHandled++;
    }
    return from == liveUpdatesHandled ? NO_LIVE_UPDATES : Arrays.copyOfRange(liveUpdates, from, liveUpdatesHandled);
  }

  /** Takes the viewer events due at {@code time} (the earliest pending), in order. */
  ViewerEvent[] takeViewerEvents(long time) {
    int from = viewerEventsHandled;
    while (viewerEventsHandled < viewerEvents.length && viewerEvents[viewerEventsHandled].eventTime == time) {
      viewerEventsHandled++;
    }
    return from == viewerEventsHandled ? NO_VIEWER_EVENTS : Arrays.copyOfRange(viewerEvents, from, viewerEventsHandled);
  }

  /** Takes the sweep due at {@code time} (the earliest pending), if there is one. */
  void takeSweep(long time) {
    if (sweeps.length > 0 && sweeps[0] == time) {
      sweeps = Arrays.copyOfRange(sweeps, 1, sweeps.length);
    }
  }

  /** Drops the inputs taken, at once rather than at every time taken. */
  void compact() {
    if (liveUpdatesHandled > 0) {
      liveUpdates = Arrays.copyOfRange(liveUpdates, liveUpdatesHandled, liveUpdates.length);
      liveUpdatesHandled = 0;
    }
    if (viewerEventsHandled > 0) {
      viewerEvents = Arrays.copyOfRange(viewerEvents, viewerEventsHandled, viewerEvents.length);
      viewerEventsHandled = 0;
    }
  }

  private static int sameTimeOrder(ViewerEvent a, ViewerEvent b) {
    int byTime = Long.compare(a.eventTime, b.eventTime);
    return byTime != 0 ? byTime : SAME_TIME_ORDER.compare(a, b);
  }

  private static int liveOrder(LiveUpdate a, LiveUpdate b) {
    int byTime = Long.compare(a.eventTime, b.eventTime);
    return byTime != 0 ? byTime : Boolean.compare(a.fromScreen(), b.fromScreen());
  }

  /** Where {@code item} goes in the ordered {@code items}: after every item not ordered after it. */
  private static <T> int after(T[] items, T item, Comparator<T> order) {
    // Each input mostly comes after those of its media already waiting.
    if (items.length == 0 || order.compare(items[items.length - 1], item) <= 0) {
      return items.length;
    }
    int low = 0;
    int high = items.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (order.compare(items[mid], item) > 0) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static <T> T[] insert(T[] items, int at, T item) {
    T[] grown = Arrays.copyOf(items, items.length + 1);
    System.arraycopy(items, at, grown, at + 1, items.length - at);
    grown[at] = item;
    return grown;
  }
}
