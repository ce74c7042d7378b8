package io.cuepoint.schemas;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ShoppableSpan;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import io.cuepoint.schemas.records.ViewerAction;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Fully populated, valid records of every stream: every field of every class set, every array
 * with at least one element, so that a field added to a class and not here is caught by {@link
 * #unsetFields(Object)}.
 */
public final class Fixtures {
  public static final long EVENT_TIME = 1_718_000_000_000L; // 2024-06-10
  public static final String CHANNEL_ARN = "arn:aws:ivs:eu-west-1:123456789012:channel/AbCd1234";

  private Fixtures() {}

  /** A new fully populated record of the stream's type (a fresh instance on every call). */
  public static Object full(StreamName stream) {
    switch (stream) {
      case SEGMENTS:
        return segment();
      case DETECTIONS:
        return detection();
      case MATCH_EVENTS:
        return matchEvent();
      case VIEWER_EVENTS:
        return viewerEvent();
      case MEDIA_CONTEXT:
        return mediaContext();
      case EVENTS_OF_INTEREST:
        return eventOfInterest();
      case OVERLAYS:
        return overlay();
      case VIEWER_ACTIONS:
        return viewerAction();
      case SHOPPABLE:
        return shoppableSpan();
      case DEAD_LETTERS:
        return deadLetter();
      default:
        throw new AssertionError("no fixture for " + stream);
    }
  }

  public static Segment segment() {
    Segment s = new Segment();
    s.mediaId = "match-42";
    s.channelArn = CHANNEL_ARN;
    s.segmentUrl = "https://cdn.example.com/live/match-42/seg-00017.ts";
    s.sequence = 17L;
    s.durationMs = 6_000L;
    s.positionMs = 102_000L;
    s.eventTime = EVENT_TIME;
    return s;
  }

  public static BoundingBox box() {
    BoundingBox b = new BoundingBox();
    b.left = 0.25;
    b.top = 0.1;
    b.width = 0.5;
    b.height = 0.75;
    return b;
  }

  public static DetectionItem item(ItemKind kind, String name, double confidence) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    i.box = box();
    return i;
  }

  public static Detection detection() {
    Detection d = new Detection();
    d.mediaId = "match-42";
    d.positionMs = 102_480L;
    d.eventTime = EVENT_TIME + 480;
    d.source = "rekognition";
    d.items =
        new DetectionItem[] {
          item(ItemKind.LABEL, "Football", 99.1), item(ItemKind.PRODUCT, "sku-jersey-home", 87.5)
        };
    return d;
  }

  public static MatchEvent matchEvent() {
    MatchEvent e = new MatchEvent();
    e.mediaId = "match-42";
    e.eventId = "evt-0007";
    e.type = MatchEventType.GOAL;
    e.eventTime = EVENT_TIME + 5_000;
    e.matchMinute = 67;
    e.team = Team.HOME;
    Score score = new Score();
    score.home = 2;
    score.away = 1;
    e.score = score;
    e.attributes = StringMap.of("player", "Number 9", "assist", "Number 10");
    return e;
  }

  public static ViewerEvent viewerEvent() {
    ViewerEvent v = new ViewerEvent();
    v.viewerId = "viewer-123";
    v.mediaId = "match-42";
    v.type = ViewerEventType.INTERACTION;
    v.eventTime = EVENT_TIME + 7_000;
    v.positionMs = 104_000L;
    v.profile = StringMap.of("country", "IE", "ageBand", "25-34", "favouriteTeam", "HOME");
    v.itemId = "widget-bet";
    v.interaction = Interaction.CLICK;
    return v;
  }

  public static ContextItem contextItem(String name, double confidence, int frames) {
    ContextItem c = new ContextItem();
    c.name = name;
    c.confidence = confidence;
    c.frames = frames;
    return c;
  }

  public static EventOfInterest eventOfInterest() {
    EventOfInterest e = new EventOfInterest();
    e.id = "match-42/GOAL_FLURRY/evt-0007";
    e.mediaId = "match-42";
    e.type = EventOfInterestType.GOAL_FLURRY;
    e.eventTime = EVENT_TIME + 5_000;
    e.matchMinute = 67;
    e.evidence = new String[] {"evt-0005", "evt-0007"};
    e.attributes = StringMap.of("goals", "2", "windowMinutes", "10");
    return e;
  }

  public static MediaContext mediaContext() {
    MediaContext m = new MediaContext();
    m.id = "match-42/110000";
    m.mediaId = "match-42";
    m.positionMs = 110_000L;
    m.windowStartMs = 100_000L;
    m.windowEndMs = 110_000L;
    m.eventTime = EVENT_TIME + 8_000;
    m.labels = new ContextItem[] {contextItem("Football", 99.1, 20)};
    m.celebrities = new ContextItem[] {contextItem("Famous Striker", 93.0, 4)};
    m.products = new ContextItem[] {contextItem("sku-jersey-home", 87.5, 7)};
    MatchSnapshot s = new MatchSnapshot();
    s.minute = 67;
    s.home = 2;
    s.away = 1;
    s.phase = MatchPhase.SECOND_HALF;
    s.lastEvent = MatchEventType.GOAL;
    m.match = s;
    m.eventsOfInterest = new EventOfInterest[] {eventOfInterest()};
    return m;
  }

  public static Overlay overlay() {
    Overlay o = new Overlay();
    o.overlayId = "ov-match-42-0001";
    o.channelArn = CHANNEL_ARN;
    o.mediaId = "match-42";
    o.action = OverlayAction.SHOW;
    o.productId = "sku-jersey-home";
    o.payload = "{\"action\":\"SHOW\",\"productId\":\"sku-jersey-home\"}";
    o.eventTime = EVENT_TIME + 9_000;
    o.status = OverlayStatus.THROTTLED;
    o.attempts = 4;
    o.error = "ThrottlingException (429) until the retry budget ran out";
    return o;
  }

  public static ViewerAction viewerAction() {
    ViewerAction a = new ViewerAction();
    a.id = "viewer-123/match-42/" + (EVENT_TIME + 7_000);
    a.viewerId = "viewer-123";
    a.mediaId = "match-42";
    a.eventTime = EVENT_TIME + 7_000;
    a.positionMs = 104_000L;
    RankedWidget w = new RankedWidget();
    w.id = "widget-bet";
    w.rank = 1;
    w.score = 0.82;
    a.widgets = new RankedWidget[] {w};
    Offer offer = new Offer();
    offer.productId = "sku-jersey-home";
    offer.discountPercent = 15.0;
    a.offers = new Offer[] {offer};
    a.context = StringMap.of("phase", "SECOND_HALF", "onScreen", "sku-jersey-home");
    a.decidedBy = DecidedBy.LOCAL;
    a.moment = DecisionMoment.EVENT_OF_INTEREST;
    a.fromCache = false;
    return a;
  }

  public static ShoppableSpan shoppableSpan() {
    ShoppableSpan s = new ShoppableSpan();
    s.mediaId = "match-42";
    s.productId = "sku-jersey-home";
    s.fromMs = 98_000L;
    s.toMs = 112_000L;
    s.bestSimilarity = 0.91;
    return s;
  }

  public static DeadLetter deadLetter() {
    DeadLetter d = new DeadLetter();
    d.id = "segments:0123456789abcdef";
    d.input = "segments";
    d.error = "eventTime 1700000000 is not epoch milliseconds between 2000 and 2100";
    d.raw = "{\"mediaId\":\"match-42\",\"eventTime\":1700000000}";
    d.receivedAt = EVENT_TIME + 10_000;
    return d;
  }

  /** A deep copy, through the codec. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T record) {
    try {
      return (T) RecordCodec.decode(RecordCodec.encode(record), record.getClass());
    } catch (RecordException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Paths of the fields that are null (or empty arrays and maps) anywhere in the record; empty
   * for a fully populated record.
   */
  public static List<String> unsetFields(Object record) {
    List<String> unset = new ArrayList<>();
    collectUnset(record, record.getClass().getSimpleName(), unset);
    return unset;
  }

  private static void collectUnset(Object value, String at, List<String> unset) {
    if (value == null) {
      unset.add(at);
      return;
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      if (Array.getLength(value) == 0) {
        unset.add(at + "[]");
      }
      for (int i = 0; i < Array.getLength(value); i++) {
        collectUnset(Array.get(value, i), at + "[" + i + "]", unset);
      }
      return;
    }
    if (value instanceof StringMap) {
      if (((StringMap) value).size() == 0) {
        unset.add(at + "{}");
      }
      return;
    }
    if (!isRecordClass(type)) {
      return;
    }
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      try {
        collectUnset(f.get(value), at + "." + f.getName(), unset);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A class of the record contract with fields of its own (not an enum, not a StringMap). */
  public static boolean isRecordClass(Class<?> type) {
    return type.getPackage() != null
        && type.getPackage().getName().equals("io.cuepoint.schemas.records")
        && !type.isEnum()
        && type != StringMap.class;
  }
}
