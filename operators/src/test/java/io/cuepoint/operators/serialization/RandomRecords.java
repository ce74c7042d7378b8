package io.cuepoint.operators.serialization;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.overlay.ProductFrame;
import io.cuepoint.operators.shoppable.ProductSighting;
import io.cuepoint.operators.shoppable.ProductSightings;
import io.cuepoint.operators.viewer.LiveUpdate;
import io.cuepoint.schemas.records.BoundingBox;
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
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Random records for the serializer tests: every nullable field is null about a quarter of the
 * time, arrays are null, empty or filled (with null elements among them), strings mix ASCII, accents,
 * CJK, emoji (surrogate pairs) and the empty string.
 */
final class RandomRecords {
  private static final String[] WORDS = {
    "", "media-1", "Ünïcødé", "東京ドーム", "⚽ goal 🥅", "\uD835\uDD18nicode", "tab\tand\nnewline", "x"
  };

  private final Random random;

  RandomRecords(long seed) {
    this.random = new Random(seed);
  }

  Detection detection() {
    Detection d = new Detection();
    d.mediaId = string();
    d.positionMs = boxedLong();
    d.eventTime = boxedLong();
    d.source = string();
    d.items = array(DetectionItem[]::new, r -> r.detectionItem());
    return d;
  }

  DetectionItem detectionItem() {
    DetectionItem item = new DetectionItem();
    item.kind = oneOf(ItemKind.values());
    item.name = string();
    item.confidence = boxedDouble();
    item.box = rarelyNull() ? null : boundingBox();
    return item;
  }

  BoundingBox boundingBox() {
    BoundingBox box = new BoundingBox();
    box.left = boxedDouble();
    box.top = boxedDouble();
    box.width = boxedDouble();
    box.height = boxedDouble();
    return box;
  }

  ViewerEvent viewerEvent() {
    ViewerEvent e = new ViewerEvent();
    e.viewerId = string();
    e.mediaId = string();
    e.type = oneOf(ViewerEventType.values());
    e.eventTime = boxedLong();
    e.positionMs = boxedLong();
    e.profile = stringMap();
    e.itemId = string();
    e.interaction = oneOf(Interaction.values());
    return e;
  }

  MatchEvent matchEvent() {
    MatchEvent e = new MatchEvent();
    e.mediaId = string();
    e.eventId = string();
    e.type = oneOf(MatchEventType.values());
    e.eventTime = boxedLong();
    e.matchMinute = boxedInt();
    e.team = oneOf(Team.values());
    if (!rarelyNull()) {
      e.score = new Score();
      e.score.home = boxedInt();
      e.score.away = boxedInt();
    }
    e.attributes = stringMap();
    return e;
  }

  Segment segment() {
    Segment s = new Segment();
    s.mediaId = string();
    s.channelArn = string();
    s.segmentUrl = string();
    s.sequence = boxedLong();
    s.durationMs = boxedLong();
    s.positionMs = boxedLong();
    s.eventTime = boxedLong();
    return s;
  }

  MatchUpdate matchUpdate() {
    MatchUpdate u = new MatchUpdate();
    u.mediaId = string();
    u.eventTime = boxedLong();
    u.snapshot = rarelyNull() ? null : matchSnapshot();
    u.eventsOfInterest = array(EventOfInterest[]::new, r -> r.eventOfInterest());
    return u;
  }

  LiveUpdate liveUpdate() {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = string();
    u.eventTime = boxedLong();
    u.match = rarelyNull() ? null : matchSnapshot();
    u.eventsOfInterest = array(EventOfInterest[]::new, r -> r.eventOfInterest());
    u.products = strings();
    u.labels = strings();
    return u;
  }

  ProductSightings productSightings() {
    ProductSightings s = new ProductSightings();
    s.mediaId = string();
    s.eventTime = random.nextLong();
    s.sightings =
        array(
            ProductSighting[]::new,
            r -> new ProductSighting(r.string(), r.random.nextLong(), r.random.nextDouble()));
    return s;
  }

  ProductFrame productFrame() {
    ProductFrame f = new ProductFrame();
    f.mediaId = string();
    f.channelArn = string();
    f.source = string();
    f.eventTime = boxedLong();
    f.positionMs = boxedLong();
    f.productIds = strings();
    if (rarelyNull()) {
      f.confidences = null;
    } else {
      f.confidences = new double[random.nextInt(4)];
      for (int i = 0; i < f.confidences.length; i++) {
        f.confidences[i] = random.nextDouble();
      }
    }
    return f;
  }

  private MatchSnapshot matchSnapshot() {
    MatchSnapshot s = new MatchSnapshot();
    s.minute = boxedInt();
    s.home = boxedInt();
    s.away = boxedInt();
    s.phase = oneOf(MatchPhase.values());
    s.lastEvent = oneOf(MatchEventType.values());
    return s;
  }

  private EventOfInterest eventOfInterest() {
    EventOfInterest e = new EventOfInterest();
    e.id = string();
    e.mediaId = string();
    e.type = oneOf(EventOfInterestType.values());
    e.eventTime = boxedLong();
    e.matchMinute = boxedInt();
    e.evidence = strings();
    e.attributes = stringMap();
    return e;
  }

  private StringMap stringMap() {
    if (rarelyNull()) {
      return null;
    }
    int size = random.nextInt(4);
    String[] keyValues = new String[2 * size];
    for (int i = 0; i < keyValues.length; i++) {
      keyValues[i] = WORDS[random.nextInt(WORDS.length)] + i;
    }
    return StringMap.of(keyValues);
  }

  private boolean rarelyNull() {
    return random.nextInt(4) == 0;
  }

  private String string() {
    return rarelyNull() ? null : WORDS[random.nextInt(WORDS.length)];
  }

  private String[] strings() {
    return array(String[]::new, RandomRecords::string);
  }

  private Long boxedLong() {
    return rarelyNull() ? null : random.nextLong();
  }

  private Integer boxedInt() {
    return rarelyNull() ? null : random.nextInt();
  }

  private Double boxedDouble() {
    return rarelyNull() ? null : random.nextDouble() * 100;
  }

  private <E> E oneOf(E[] values) {
    return rarelyNull() ? null : values[random.nextInt(values.length)];
  }

  /** Null, empty, or up to three elements of which some may be null. */
  private <T> T[] array(IntFunction<T[]> newArray, Function<RandomRecords, T> element) {
    int shape = random.nextInt(5);
    if (shape == 0) {
      return null;
    }
    if (shape == 1) {
      return newArray.apply(0);
    }
    T[] values = newArray.apply(1 + random.nextInt(3));
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(6) == 0 ? null : element.apply(this);
    }
    return values;
  }
}
