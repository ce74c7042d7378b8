package io.cuepoint.jobs.report;

import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the report shows about one media, gathered in one pass over the files in any
 * order: presence and counts in position bins, the few records drawn one by one (match events,
 * events of interest, overlay decisions), and social posts per second of event time until the
 * clock that places them is known.
 */
final class MediaAggregate {
  /** Marks drawn one by one per kind; a feed with more is summarised as "… more". */
  static final int MAX_MARKERS = 2_000;
  /** Viewers counted one by one; beyond this the count is a lower bound. */
  static final int MAX_VIEWERS = 1_000_000;
  static final String NO_WIDGET = "(none)";

  final String mediaId;
  final StreamClock clock = new StreamClock();
  final Set<String> channels = new HashSet<>();

  final Map<String, PresenceLane> products = new HashMap<>();
  final Map<String, PresenceLane> labels = new HashMap<>();
  long windows;
  /** Greatest common divisor of window ends: the timeline's slide. */
  long windowSlideMs;
  MatchSnapshot lastMatch;
  private long lastMatchTime = Long.MIN_VALUE;

  final List<Marker> matchEvents = new ArrayList<>();
  private final Set<String> matchEventIds = new HashSet<>();
  long matchDuplicates;
  long matchEventsOmitted;
  final List<Marker> eventsOfInterest = new ArrayList<>();
  long eventsOfInterestOmitted;
  final TreeMap<Long, Long> socialPostsBySecond = new TreeMap<>();
  long socialPosts;

  final Map<String, PositionBins> decisionsByWidget = new HashMap<>();
  final Map<String, PositionBins> decisionsByRanker = new HashMap<>();
  long decisions;
  long offers;
  final Set<String> viewers = new HashSet<>();

  final Map<String, OverlayTrack> overlays = new TreeMap<>();

  private long maxPositionMs;
  private long maxEventTime = Long.MIN_VALUE;

  MediaAggregate(String mediaId) {
    this.mediaId = mediaId;
  }

  void segment(Segment s) throws RecordException {
    long eventTime = RecordLines.require("eventTime", s.eventTime);
    long position = RecordLines.require("positionMs", s.positionMs);
    clock.observe(eventTime, position);
    if (s.channelArn != null) {
      channels.add(s.channelArn);
    }
    long end = s.durationMs == null ? position : position + s.durationMs;
    maxPositionMs = Math.max(maxPositionMs, end);
  }

  void mediaContext(MediaContext c) throws RecordException {
    long eventTime = RecordLines.require("eventTime", c.eventTime);
    long position = RecordLines.require("positionMs", c.positionMs);
    clock.observe(eventTime, position);
    windows++;
    windowSlideMs = gcd(windowSlideMs, Math.abs(eventTime));
    maxPositionMs = Math.max(maxPositionMs, position);
    long start = c.windowStartMs == null ? position : c.windowStartMs;
    long end = c.windowEndMs == null ? position : c.windowEndMs;
    // A window lists what was seen anywhere in it: its middle is the least biased place to draw it.
    long middle = start + (end - start) / 2;
    seen(products, c.products, middle);
    seen(labels, c.labels, middle);
    if (c.match != null && eventTime > lastMatchTime) {
      lastMatch = c.match;
      lastMatchTime = eventTime;
    }
  }

  void eventOfInterest(EventOfInterest e, String line) throws RecordException {
    long eventTime = RecordLines.require("eventTime", e.eventTime);
    String type = String.valueOf(RecordLines.require("type", e.type));
    clock.observeEventOnly(eventTime);
    maxEventTime = Math.max(maxEventTime, eventTime);
    if (eventsOfInterest.size() >= MAX_MARKERS) {
      eventsOfInterestOmitted++;
      return;
    }
    eventsOfInterest.add(new Marker(eventTime, type, MarkerLabels.of(e), RecordText.of(line)));
  }

  void matchEvent(MatchEvent e, String line) throws RecordException {
    long eventTime = RecordLines.require("eventTime", e.eventTime);
    MatchEventType type = RecordLines.require("type", e.type);
    clock.observeEventOnly(eventTime);
    maxEventTime = Math.max(maxEventTime, eventTime);
    if (type == MatchEventType.SOCIAL_POST) {
      socialPosts++;
      socialPostsBySecond.merge(Math.floorDiv(eventTime, 1000L), 1L, Long::sum);
      return;
    }
    if (e.eventId != null && !matchEventIds.add(e.eventId)) {
      matchDuplicates++;
      return;
    }
    if (matchEvents.size() >= MAX_MARKERS) {
      matchEventsOmitted++;
      return;
    }
    matchEvents.add(new Marker(eventTime, type.name(), MarkerLabels.of(e), RecordText.of(line)));
  }

  void overlay(Overlay o, String line) throws RecordException {
    long eventTime = RecordLines.require("eventTime", o.eventTime);
    String channel = RecordLines.require("channelArn", o.channelArn);
    RecordLines.require("action", o.action);
    RecordLines.require("status", o.status);
    clock.observeEventOnly(eventTime);
    maxEventTime = Math.max(maxEventTime, eventTime);
    channels.add(channel);
    overlays.computeIfAbsent(channel, OverlayTrack::new).add(o, line);
  }

  void viewerAction(ViewerAction a) throws RecordException {
    long position = RecordLines.require("positionMs", a.positionMs);
    String ranker = String.valueOf(RecordLines.require("decidedBy", a.decidedBy));
    maxPositionMs = Math.max(maxPositionMs, position);
    decisions++;
    offers += a.offers == null ? 0 : a.offers.length;
    if (a.viewerId != null && viewers.size() < MAX_VIEWERS) {
      viewers.add(a.viewerId);
    }
    decisionsByWidget
        .computeIfAbsent(topWidget(a.widgets), w -> new PositionBins(PositionBins.Combine.SUM))
        .add(position, 1);
    decisionsByRanker
        .computeIfAbsent(ranker, r -> new PositionBins(PositionBins.Combine.SUM))
        .add(position, 1);
  }

  /** The last position anything of this media was seen at, once the clock is known. */
  long endPositionMs() {
    long end = maxPositionMs;
    if (maxEventTime != Long.MIN_VALUE) {
      end = Math.max(end, clock.positionOf(maxEventTime));
    }
    return end;
  }

  private static void seen(Map<String, PresenceLane> lanes, ContextItem[] items, long positionMs) {
    if (items == null) {
      return;
    }
    for (ContextItem item : items) {
      if (item != null && item.name != null) {
        lanes.computeIfAbsent(item.name, PresenceLane::new)
            .seen(positionMs, item.confidence == null ? 0 : item.confidence);
      }
    }
  }

  private static String topWidget(RankedWidget[] widgets) {
    RankedWidget top = null;
    if (widgets != null) {
      for (RankedWidget w : widgets) {
        if (w != null && w.id != null && (top == null || rank(w) < rank(top))) {
          top = w;
        }
      }
    }
    return top == null ? NO_WIDGET : top.id;
  }

  private static int rank(RankedWidget w) {
    return w.rank == null ? Integer.MAX_VALUE : w.rank;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
