package io.cuepoint.bench;

import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic input held in memory as already-serialized JSON, one array per input stream, each in
 * event-time order: detections with 5–15 items (60% of events), match events (5%), viewer events
 * (35%), spread over {@code media} media and {@code durationMs} of event time.
 */
final class BenchInput {
  static final long START = 1_780_167_600_000L;
  private static final String[] LABELS = {
    "Person", "Sport", "Soccer", "Ball", "Crowd", "Stadium", "Grass", "Field", "Jersey", "Shoe",
    "Sneaker", "Beverage", "Bottle", "Scarf", "Flag", "Goal", "Net", "Referee", "Whistle", "Banner",
    "Screen", "Advertisement", "Camera", "Bench", "Coach", "Trophy", "Smile", "Hand", "Cap", "Face"
  };
  private static final String[] PRODUCTS = SampleSetup.productIds();
  private static final MatchEventType[] MATCH_TYPES = {
    MatchEventType.SOCIAL_POST, MatchEventType.SOCIAL_POST, MatchEventType.SOCIAL_POST,
    MatchEventType.SOCIAL_POST, MatchEventType.GOAL, MatchEventType.YELLOW_CARD,
    MatchEventType.SUBSTITUTION, MatchEventType.RED_CARD
  };

  final Map<StreamName, String[]> records;
  final int media;
  final long bytes;

  private BenchInput(Map<StreamName, String[]> records, int media, long bytes) {
    this.records = records;
    this.media = media;
    this.bytes = bytes;
  }

  long total() {
    long n = 0;
    for (String[] r : records.values()) {
      n += r.length;
    }
    return n;
  }

  /**
   * Input as dense as the job's own frame sampler makes it: each media has a detection every
   * {@code frameIntervalMs} of event time, so the event time spanned grows with the events per
   * media. How many media-context windows a detection yields depends on this density.
   */
  static BenchInput atFrameInterval(int events, int media, long frameIntervalMs, long seed) {
    return generate(events, media, durationAtFrameInterval(events, media, frameIntervalMs), seed);
  }

  static long durationAtFrameInterval(int events, int media, long frameIntervalMs) {
    long detectionsPerMedia = Math.max(1, (long) Math.ceil(events * 0.60 / media));
    return detectionsPerMedia * frameIntervalMs;
  }

  static BenchInput generate(int events, int media, long durationMs, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int detections = (int) (events * 0.60);
    int matchEvents = (int) (events * 0.05);
    int viewerEvents = events - detections - matchEvents;
    Map<StreamName, String[]> records = new EnumMap<>(StreamName.class);
    long[] bytes = {0};
    records.put(StreamName.DETECTIONS, fill(detections, durationMs, bytes,
        (i, t) -> RecordCodec.encode(detection(rnd, "media-" + rnd.nextInt(media), t))));
    int[][] score = new int[media][2];
    records.put(StreamName.MATCH_EVENTS, fill(matchEvents, durationMs, bytes,
        (i, t) -> RecordCodec.encode(matchEvent(rnd, rnd.nextInt(media), score, i, t, durationMs))));
    records.put(StreamName.VIEWER_EVENTS, fill(viewerEvents, durationMs, bytes,
        (i, t) -> RecordCodec.encode(viewerEvent(rnd, "media-" + rnd.nextInt(media), i, t))));
    return new BenchInput(records, media, bytes[0]);
  }

  private interface Line {
    String make(int index, long eventTime);
  }

  private static String[] fill(int n, long durationMs, long[] bytes, Line line) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = line.make(i, START + (long) i * durationMs / Math.max(1, n));
      bytes[0] += out[i].length();
    }
    return out;
  }

  static Detection detection(SplittableRandom rnd, String mediaId, long t) {
    Detection d = new Detection();
    d.mediaId = mediaId;
    d.eventTime = t;
    d.positionMs = t - START;
    d.source = "rekognition";
    int n = 5 + rnd.nextInt(11);
    d.items = new DetectionItem[n];
    for (int i = 0; i < n; i++) {
      DetectionItem item = new DetectionItem();
      int kind = rnd.nextInt(20);
      item.kind = kind == 0 ? ItemKind.PRODUCT : kind == 1 ? ItemKind.CELEBRITY : ItemKind.LABEL;
      item.name =
          item.kind == ItemKind.PRODUCT
              ? PRODUCTS[rnd.nextInt(PRODUCTS.length)]
              : item.kind == ItemKind.CELEBRITY ? "Player " + rnd.nextInt(40) : LABELS[rnd.nextInt(LABELS.length)];
      item.confidence = Math.round((40 + rnd.nextDouble() * 60) * 100) / 100.0;
      if (rnd.nextInt(3) == 0) {
        BoundingBox box = new BoundingBox();
        box.left = Math.round(rnd.nextDouble() * 50) / 100.0;
        box.top = Math.round(rnd.nextDouble() * 50) / 100.0;
        box.width = Math.round(rnd.nextDouble() * 40) / 100.0;
        box.height = Math.round(rnd.nextDouble() * 40) / 100.0;
        item.box = box;
      }
      d.items[i] = item;
    }
    return d;
  }

  static MatchEvent matchEvent(
      SplittableRandom rnd, int media, int[][] score, int i, long t, long durationMs) {
    MatchEvent e = new MatchEvent();
    e.mediaId = "media-" + media;
    e.eventId = "ev-" + i;
    e.type = MATCH_TYPES[rnd.nextInt(MATCH_TYPES.length)];
    e.eventTime = t;
    e.matchMinute = (int) ((t - START) * 95 / Math.max(1, durationMs));
    if (e.type != MatchEventType.SOCIAL_POST) {
      e.team = rnd.nextBoolean() ? Team.HOME : Team.AWAY;
    }
    if (e.type == MatchEventType.GOAL) {
      score[media][e.team == Team.HOME ? 0 : 1]++;
      Score s = new Score();
      s.home = score[media][0];
      s.away = score[media][1];
      e.score = s;
    }
    e.attributes = StringMap.of("player", "Player " + rnd.nextInt(40));
    return e;
  }

  static ViewerEvent viewerEvent(SplittableRandom rnd, String mediaId, int i, long t) {
    ViewerEvent v = new ViewerEvent();
    v.viewerId = "viewer-" + rnd.nextInt(50_000);
    v.mediaId = mediaId;
    v.eventTime = t;
    v.positionMs = t - START;
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      v.type = ViewerEventType.JOIN;
      v.profile = StringMap.of("age", String.valueOf(16 + rnd.nextInt(50)), "country", "GB", "favouriteTeam", "HOME");
    } else if (kind == 1) {
      v.type = ViewerEventType.LEAVE;
    } else {
      v.type = ViewerEventType.HEARTBEAT;
    }
    return v;
  }
}
