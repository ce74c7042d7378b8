package io.cuepoint.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The page's data for one media: everything in display bins, marks with their records. */
final class MediaModel {
  /** Product lanes drawn; more products are summarised in a count. */
  static final int MAX_PRODUCT_LANES = 40;
  static final int TOP_LABELS = 12;
  /** Overlay spans drawn one by one per channel; beyond it spans starting in one bin are merged. */
  static final int MAX_SPANS = 1_500;
  /** Longest sensible slide; a single window would otherwise give its own event time. */
  private static final long MAX_SLIDE_MS = 60_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final MediaAggregate media;
  private final DisplayScale scale;
  private final long offset;

  private MediaModel(MediaAggregate media) {
    this.media = media;
    this.offset = media.clock.offset();
    long stored = commonWidth(media);
    coarsenAll(media, stored);
    long slide = media.windowSlideMs > 0 ? Math.min(media.windowSlideMs, MAX_SLIDE_MS) : 0;
    this.scale = DisplayScale.of(media.endPositionMs(), slide, stored);
  }

  static ObjectNode of(MediaAggregate media) {
    return new MediaModel(media).toJson();
  }

  private ObjectNode toJson() {
    ObjectNode m = JSON.objectNode();
    m.put("mediaId", media.mediaId);
    ArrayNode channels = m.putArray("channels");
    media.channels.stream().sorted().forEach(channels::add);
    m.put("clock", media.clock.source() == StreamClock.Source.EARLIEST_EVENT ? "earliest-event" : "positions");
    m.put("startEventTime", offset);
    m.put("binMs", scale.binMs);
    m.put("bins", scale.bins);
    m.put("durationMs", scale.durationMs());
    m.put("windows", media.windows);
    if (media.lastMatch != null) {
      ObjectNode match = m.putObject("match");
      putIfPresent(match, "home", media.lastMatch.home);
      putIfPresent(match, "away", media.lastMatch.away);
      putIfPresent(match, "minute", media.lastMatch.minute);
      if (media.lastMatch.phase != null) {
        match.put("phase", media.lastMatch.phase.name());
      }
    }
    m.set("matchEvents", markers(media.matchEvents));
    m.put("matchEventsOmitted", media.matchEventsOmitted);
    m.put("matchDuplicates", media.matchDuplicates);
    m.set("eventsOfInterest", markers(media.eventsOfInterest));
    m.put("eventsOfInterestOmitted", media.eventsOfInterestOmitted);
    m.set("socialPosts", socialPosts());
    m.set("products", lanes(productLanes()));
    m.put("productsTotal", media.products.size());
    m.set("labels", lanes(topLabels()));
    m.put("labelsTotal", media.labels.size());
    ArrayNode overlays = m.putArray("overlays");
    for (OverlayTrack track : media.overlays.values()) {
      overlays.add(overlayTrack(track));
    }
    m.set("decisions", decisions());
    return m;
  }

  private ArrayNode markers(List<Marker> markers) {
    List<Marker> sorted = new ArrayList<>(markers);
    sorted.sort(Comparator.comparingLong((Marker k) -> k.eventTime).thenComparing(k -> k.record));
    ArrayNode out = JSON.arrayNode();
    for (Marker k : sorted) {
      ObjectNode n = out.addObject();
      n.put("t", media.clock.positionOf(k.eventTime));
      n.put("type", k.type);
      n.put("label", k.label);
      n.put("record", k.record);
    }
    return out;
  }

  private ObjectNode socialPosts() {
    long[] bins = new long[scale.bins];
    for (Map.Entry<Long, Long> second : media.socialPostsBySecond.entrySet()) {
      bins[scale.binOf(media.clock.positionOf(second.getKey() * 1000))] += second.getValue();
    }
    ObjectNode n = JSON.objectNode();
    n.put("total", media.socialPosts);
    n.set("bins", array(bins));
    return n;
  }

  /** The busiest products, drawn in the order they first appeared. */
  private List<PresenceLane> productLanes() {
    List<PresenceLane> lanes = busiest(media.products.values(), MAX_PRODUCT_LANES);
    lanes.sort(Comparator.comparingInt(MediaModel::firstBin).thenComparing(l -> l.name));
    return lanes;
  }

  private List<PresenceLane> topLabels() {
    return busiest(media.labels.values(), TOP_LABELS);
  }

  private static List<PresenceLane> busiest(Collection<PresenceLane> all, int limit) {
    List<PresenceLane> lanes = new ArrayList<>(all);
    lanes.sort(Comparator.comparingLong((PresenceLane l) -> -l.totalWindows).thenComparing(l -> l.name));
    return new ArrayList<>(lanes.subList(0, Math.min(limit, lanes.size())));
  }

  private static int firstBin(PresenceLane lane) {
    for (int i = 0; i < lane.windows.length(); i++) {
      if (lane.windows.value(i) > 0) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Each lane as runs of consecutive bins it was seen in: [from bin, to bin (exclusive), windows, best confidence]. */
  private ArrayNode lanes(List<PresenceLane> lanes) {
    ArrayNode out = JSON.arrayNode();
    for (PresenceLane lane : lanes) {
      long[] windows = lane.windows.resample(scale.binMs, scale.bins);
      long[] best = lane.bestConfidence.resample(scale.binMs, scale.bins);
      ObjectNode n = out.addObject();
      n.put("name", lane.name);
      n.put("windows", lane.totalWindows);
      n.put("best", Math.round(lane.best * 100) / 100.0);
      ArrayNode runs = n.putArray("runs");
      int i = 0;
      while (i < windows.length) {
        if (windows[i] == 0) {
          i++;
          continue;
        }
        int from = i;
        long count = 0;
        long top = 0;
        while (i < windows.length && windows[i] > 0) {
          count += windows[i];
          top = Math.max(top, best[i]);
          i++;
        }
        runs.addArray().add(from).add(i).add(count).add(top / 100.0);
      }
    }
    return out;
  }

  private ObjectNode overlayTrack(OverlayTrack track) {
    ObjectNode n = JSON.objectNode();
    n.put("channelArn", track.channelArn);
    n.put("decisions", track.decisions());
    List<OverlaySpan> spans = track.spans();
    n.put("spansTotal", spans.size());
    ArrayNode drawn = n.putArray("spans");
    if (spans.size() <= MAX_SPANS) {
      for (OverlaySpan span : spans) {
        drawn.add(span(span));
      }
    } else {
      for (List<OverlaySpan> group : byStartBin(spans).values()) {
        drawn.add(mergedSpans(group));
      }
    }
    return n;
  }

  private ObjectNode span(OverlaySpan span) {
    ObjectNode n = JSON.objectNode();
    n.put("from", media.clock.positionOf(span.show.eventTime));
    Long end = span.endTime();
    n.put("to", end == null ? scale.durationMs() : media.clock.positionOf(end));
    n.put("open", end == null);
    n.put("count", 1);
    putIfPresent(n, "productId", span.show.productId);
    n.put("action", span.show.action.name());
    n.put("status", span.show.status.name());
    n.put("resends", span.resends);
    n.put("show", span.show.payload);
    if (span.clear != null) {
      n.put("clear", span.clear.payload);
      n.put("clearStatus", span.clear.status.name());
    }
    return n;
  }

  private Map<Integer, List<OverlaySpan>> byStartBin(List<OverlaySpan> spans) {
    Map<Integer, List<OverlaySpan>> groups = new TreeMap<>();
    for (OverlaySpan span : spans) {
      groups.computeIfAbsent(scale.binOf(media.clock.positionOf(span.show.eventTime)), b -> new ArrayList<>())
          .add(span);
    }
    return groups;
  }

  private ObjectNode mergedSpans(List<OverlaySpan> group) {
    OverlaySpan first = group.get(0);
    ObjectNode n = span(first);
    long to = n.get("to").asLong();
    Map<String, Long> statuses = new TreeMap<>();
    int resends = 0;
    for (OverlaySpan span : group) {
      Long end = span.endTime();
      to = Math.max(to, end == null ? scale.durationMs() : media.clock.positionOf(end));
      statuses.merge(span.show.status.name(), 1L, Long::sum);
      resends += span.resends;
    }
    n.put("to", to);
    n.put("count", group.size());
    n.put("resends", resends);
    n.put("status", statuses.size() == 1 ? first.show.status.name() : "MIXED");
    ObjectNode byStatus = n.putObject("statuses");
    statuses.forEach(byStatus::put);
    return n;
  }

  private ObjectNode decisions() {
    ObjectNode n = JSON.objectNode();
    n.put("total", media.decisions);
    n.put("viewers", media.viewers.size());
    n.put("offers", media.offers);
    n.set("byWidget", series(media.decisionsByWidget));
    n.set("byRanker", series(media.decisionsByRanker));
    return n;
  }

  private ArrayNode series(Map<String, PositionBins> byName) {
    ArrayNode out = JSON.arrayNode();
    for (Map.Entry<String, PositionBins> e : new TreeMap<>(byName).entrySet()) {
      long[] bins = e.getValue().resample(scale.binMs, scale.bins);
      long total = 0;
      for (long b : bins) {
        total += b;
      }
      ObjectNode s = out.addObject();
      s.put("name", e.getKey());
      s.put("total", total);
      s.set("bins", array(bins));
    }
    return out;
  }

  private static ArrayNode array(long[] values) {
    ArrayNode a = JSON.arrayNode(values.length);
    for (long v : values) {
      a.add(v);
    }
    return a;
  }

  private static void putIfPresent(ObjectNode n, String field, Object value) {
    if (value instanceof Integer) {
      n.put(field, (Integer) value);
    } else if (value != null) {
      n.put(field, value.toString());
    }
  }

  private static long commonWidth(MediaAggregate media) {
    long width = PositionBins.BASE_WIDTH_MS;
    for (PositionBins bins : allBins(media)) {
      width = Math.max(width, bins.widthMs());
    }
    return width;
  }

  private static void coarsenAll(MediaAggregate media, long width) {
    for (PositionBins bins : allBins(media)) {
      bins.coarsenTo(width);
    }
  }

  private static List<PositionBins> allBins(MediaAggregate media) {
    List<PositionBins> all = new ArrayList<>();
    for (PresenceLane lane : media.products.values()) {
      all.add(lane.windows);
      all.add(lane.bestConfidence);
    }
    for (PresenceLane lane : media.labels.values()) {
      all.add(lane.windows);
      all.add(lane.bestConfidence);
    }
    all.addAll(media.decisionsByWidget.values());
    all.addAll(media.decisionsByRanker.values());
    return all;
  }
}
