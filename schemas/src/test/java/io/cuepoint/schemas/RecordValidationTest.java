package io.cuepoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.schemas.codec.InputDecoder;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordValidationTest {

  @ParameterizedTest
  @EnumSource(value = StreamName.class, names = {"SEGMENTS", "DETECTIONS", "MATCH_EVENTS", "VIEWER_EVENTS"})
  void validRecordPasses(StreamName stream) {
    assertThatCode(() -> RecordValidation.validate(Fixtures.full(stream)))
        .doesNotThrowAnyException();
  }

  @Test
  void minimalRecordsPass() {
    Segment s = Fixtures.segment();
    s.channelArn = null;
    Detection d = Fixtures.detection();
    d.items = new DetectionItem[0];
    MatchEvent e = Fixtures.matchEvent();
    e.matchMinute = null;
    e.team = null;
    e.score = null;
    e.attributes = null;
    ViewerEvent v = Fixtures.viewerEvent();
    v.type = ViewerEventType.JOIN;
    v.itemId = null;
    v.interaction = null;
    v.profile = null;

    for (Object record : new Object[] {s, d, e, v}) {
      assertThatCode(() -> RecordValidation.validate(record)).doesNotThrowAnyException();
    }
  }

  // --- missing required fields

  @ParameterizedTest
  @ValueSource(strings = {"mediaId", "segmentUrl", "sequence", "durationMs", "positionMs", "eventTime"})
  void segmentRequires(String field) {
    Segment s = Fixtures.segment();
    setNull(s, field);
    rejects(s).hasMessage(field + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mediaId", "positionMs", "eventTime", "source", "items"})
  void detectionRequires(String field) {
    Detection d = Fixtures.detection();
    setNull(d, field);
    rejects(d).hasMessage(field + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kind", "name", "confidence"})
  void detectionItemRequires(String field) {
    Detection d = Fixtures.detection();
    setNull(d.items[1], field);
    rejects(d).hasMessage("items[1]." + field + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"left", "top", "width", "height"})
  void boxRequires(String field) {
    Detection d = Fixtures.detection();
    setNull(d.items[0].box, field);
    rejects(d).hasMessage("items[0].box." + field + " is missing");
  }

  @Test
  void nullItemIsRejected() {
    Detection d = Fixtures.detection();
    d.items[1] = null;
    rejects(d).hasMessage("items[1] is null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mediaId", "eventId", "type", "eventTime"})
  void matchEventRequires(String field) {
    MatchEvent e = Fixtures.matchEvent();
    setNull(e, field);
    rejects(e).hasMessage(field + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"home", "away"})
  void scoreRequiresBothSides(String field) {
    MatchEvent e = Fixtures.matchEvent();
    setNull(e.score, field);
    rejects(e).hasMessage("score." + field + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"viewerId", "mediaId", "type", "eventTime", "positionMs"})
  void viewerEventRequires(String field) {
    ViewerEvent v = Fixtures.viewerEvent();
    setNull(v, field);
    rejects(v).hasMessage(field + " is missing");
  }

  // --- ids

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \u2003"})
  void emptyIdsAreRejected(String id) {
    MatchEvent e = Fixtures.matchEvent();
    e.eventId = id;
    rejects(e).hasMessage("eventId is empty");
  }

  @Test
  void idsAreAtMost256Characters() {
    Segment s = Fixtures.segment();
    s.mediaId = "m".repeat(RecordValidation.MAX_ID_LENGTH);
    passes(s);
    s.mediaId = "m".repeat(RecordValidation.MAX_ID_LENGTH + 1);
    rejects(s).hasMessage("mediaId is 257 characters long (limit 256)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"view\u0000er", "viewer\n", "\rviewer", "vie\twer", "viewer\u007f", "viewer\u0085"})
  void controlCharactersInIdsAreRejected(String id) {
    ViewerEvent v = Fixtures.viewerEvent();
    v.viewerId = id;
    rejects(v).hasMessage("viewerId contains a control character");
  }

  @Test
  void controlCharactersInAnOptionalItemIdAreRejected() {
    ViewerEvent v = Fixtures.viewerEvent();
    v.type = ViewerEventType.HEARTBEAT;
    v.itemId = "widget\u0001";
    rejects(v).hasMessage("itemId contains a control character");
  }

  @Test
  void unicodeIdsAreFine() {
    ViewerEvent v = Fixtures.viewerEvent();
    v.viewerId = "zuschauer-ä-观众-\uD83D\uDE00";
    passes(v);
  }

  // --- confidence and boxes

  @ParameterizedTest
  @ValueSource(doubles = {-0.001, 100.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void confidenceOutsideZeroToHundredIsRejected(double confidence) {
    Detection d = Fixtures.detection();
    d.items[0].confidence = confidence;
    rejects(d).hasMessageStartingWith("items[0].confidence ").hasMessageContaining("outside 0..100");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 100.0, 55.5})
  void confidenceBoundsAreInclusive(double confidence) {
    Detection d = Fixtures.detection();
    d.items[0].confidence = confidence;
    passes(d);
  }

  @Test
  void confidenceThatOverflowsToInfinityIsRejected() {
    String json = RecordCodec.encode(Fixtures.detection()).replace("99.1", "1e999");
    assertThat(json).contains("1e999");

    assertThatThrownBy(() -> InputDecoder.forStream(StreamName.DETECTIONS, Detection.class).decode(json))
        .isInstanceOf(RecordException.class)
        .hasMessage("items[0].confidence Infinity is outside 0..100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"left", "top", "width", "height"})
  void boxFractionsOutsideZeroToOneAreRejected(String field) {
    for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
      Detection d = Fixtures.detection();
      d.items[0].box = box(0.1, 0.1, 0.1, 0.1);
      set(d.items[0].box, field, bad);
      rejects(d).hasMessageStartingWith("items[0].box." + field + " ").hasMessageContaining("outside 0..1");
    }
  }

  @Test
  void boxReachingOutsideTheFrameIsRejected() {
    Detection d = Fixtures.detection();
    d.items[0].box = box(0.6, 0.0, 0.5, 0.5);
    rejects(d).hasMessage("items[0].box reaches outside the frame");
    d.items[0].box = box(0.0, 0.7, 0.5, 0.4);
    rejects(d).hasMessage("items[0].box reaches outside the frame");
  }

  @Test
  void boxMayTouchTheEdgeWithRounding() {
    Detection d = Fixtures.detection();
    d.items[0].box = box(0.0, 0.0, 1.0, 1.0);
    passes(d);
    d.items[0].box = box(0.5, 0.5, 0.5005, 0.5005);
    passes(d);
  }

  // --- time and position

  @ParameterizedTest
  @ValueSource(longs = {1_700_000_000L, 0L, -1L, 946_684_799_999L, 4_102_444_800_000L, 17_000_000_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE})
  void eventTimeOutsideMillisecondsOf2000To2100IsRejected(long eventTime) {
    Segment s = Fixtures.segment();
    s.eventTime = eventTime;
    rejects(s).hasMessage("eventTime " + eventTime + " is not epoch milliseconds between 2000 and 2100");
  }

  @ParameterizedTest
  @ValueSource(longs = {946_684_800_000L, 4_102_444_799_999L})
  void eventTimeBounds(long eventTime) {
    ViewerEvent v = Fixtures.viewerEvent();
    v.eventTime = eventTime;
    passes(v);
  }

  @Test
  void eventTimeInSecondsIsRejectedOnEveryInput() {
    Segment s = Fixtures.segment();
    Detection d = Fixtures.detection();
    MatchEvent e = Fixtures.matchEvent();
    ViewerEvent v = Fixtures.viewerEvent();
    s.eventTime = d.eventTime = e.eventTime = v.eventTime = 1_700_000_000L;
    for (Object record : new Object[] {s, d, e, v}) {
      rejects(record).hasMessageStartingWith("eventTime 1700000000 ");
    }
  }

  @Test
  void negativePositionIsRejected() {
    Segment s = Fixtures.segment();
    s.positionMs = -1L;
    rejects(s).hasMessage("positionMs -1 is outside 0.." + RecordValidation.MAX_POSITION_MS);
    Detection d = Fixtures.detection();
    d.positionMs = -40L;
    rejects(d).hasMessageStartingWith("positionMs -40 is outside");
    ViewerEvent v = Fixtures.viewerEvent();
    v.positionMs = Long.MIN_VALUE;
    rejects(v).hasMessageStartingWith("positionMs " + Long.MIN_VALUE + " is outside");
  }

  @Test
  void positionBeyond31DaysIsRejected() {
    Detection d = Fixtures.detection();
    d.positionMs = RecordValidation.MAX_POSITION_MS;
    passes(d);
    d.positionMs = RecordValidation.MAX_POSITION_MS + 1;
    rejects(d).hasMessageStartingWith("positionMs ");
  }

  @Test
  void segmentNumbersAreInRange() {
    check(Fixtures.segment(), s -> s.sequence = -1L, "sequence -1 is outside");
    check(Fixtures.segment(), s -> s.durationMs = 0L, "durationMs 0 is outside");
    check(Fixtures.segment(), s -> s.durationMs = RecordValidation.MAX_SEGMENT_DURATION_MS + 1, "durationMs ");
    Segment s = Fixtures.segment();
    s.sequence = 0L;
    s.durationMs = RecordValidation.MAX_SEGMENT_DURATION_MS;
    s.positionMs = 0L;
    passes(s);
  }

  @Test
  void segmentUrlIsBoundedText() {
    check(Fixtures.segment(), s -> s.segmentUrl = " ", "segmentUrl is empty");
    check(Fixtures.segment(), s -> s.segmentUrl = "u".repeat(RecordValidation.MAX_URL_LENGTH + 1),
        "segmentUrl is 2049 characters long (limit 2048)");
  }

  // --- channelArn

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "my-channel",
    "arn:aws:ivs:eu-west-1:1234:channel/AbCd",
    "arn:aws:ivs:eu-west-1:123456789012:stage/AbCd",
    "arn:aws:kinesis:eu-west-1:123456789012:channel/AbCd",
    "arn:aws:ivs:eu-west-1:123456789012:channel/",
    "arn:aws:ivs:eu-west-1:123456789012:channel/AbCd\n",
    " arn:aws:ivs:eu-west-1:123456789012:channel/AbCd",
    "arn:aws:ivs:EU-WEST-1:123456789012:channel/AbCd",
  })
  void badChannelArnIsRejected(String arn) {
    Segment s = Fixtures.segment();
    s.channelArn = arn;
    rejects(s).hasMessageStartingWith("channelArn is not an IVS channel ARN");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH1234",
    "arn:aws-us-gov:ivs:us-gov-west-1:123456789012:channel/x",
    "arn:aws-cn:ivs:cn-north-1:123456789012:channel/X9",
  })
  void goodChannelArnPasses(String arn) {
    Segment s = Fixtures.segment();
    s.channelArn = arn;
    passes(s);
  }

  // --- detections

  @Test
  void itemCountIsBounded() {
    Detection d = Fixtures.detection();
    d.items = items(RecordValidation.MAX_ITEMS);
    passes(d);
    d.items = items(RecordValidation.MAX_ITEMS + 1);
    rejects(d).hasMessage("items has 501 entries (limit 500)");
  }

  @Test
  void itemNameAndSourceAreBoundedText() {
    check(Fixtures.detection(), d -> d.items[0].name = "", "items[0].name is empty");
    check(Fixtures.detection(), d -> d.items[0].name = "n".repeat(257), "items[0].name is 257 characters long");
    check(Fixtures.detection(), d -> d.source = "s".repeat(65), "source is 65 characters long (limit 64)");
    check(Fixtures.detection(), d -> d.source = "  ", "source is empty");
  }

  // --- match events

  @Test
  void matchNumbersAreInRange() {
    check(Fixtures.matchEvent(), e -> e.matchMinute = -1, "matchMinute -1 is outside 0..200");
    check(Fixtures.matchEvent(), e -> e.matchMinute = 201, "matchMinute 201 is outside 0..200");
    check(Fixtures.matchEvent(), e -> e.score.home = -1, "score.home -1 is outside 0..999");
    check(Fixtures.matchEvent(), e -> e.score.away = 1000, "score.away 1000 is outside 0..999");
    MatchEvent e = Fixtures.matchEvent();
    e.matchMinute = 200;
    e.score.home = 999;
    e.score.away = 0;
    passes(e);
  }

  // --- viewer events

  @Test
  void interactionRequiresInteractionAndItemId() {
    ViewerEvent v = Fixtures.viewerEvent();
    v.interaction = null;
    rejects(v).hasMessage("interaction is missing (required for INTERACTION events)");
    v = Fixtures.viewerEvent();
    v.itemId = null;
    rejects(v).hasMessage("itemId is missing");
    v = Fixtures.viewerEvent();
    v.itemId = " ";
    rejects(v).hasMessage("itemId is empty");
  }

  @ParameterizedTest
  @EnumSource(value = ViewerEventType.class, names = {"JOIN", "HEARTBEAT", "LEAVE"})
  void otherViewerEventsNeedNeither(ViewerEventType type) {
    ViewerEvent v = Fixtures.viewerEvent();
    v.type = type;
    v.interaction = null;
    v.itemId = null;
    passes(v);
  }

  // --- maps

  @Test
  void overLongMapValuesAreRejected() {
    check(Fixtures.matchEvent(),
        e -> e.attributes = StringMap.of("player", "p".repeat(RecordValidation.MAX_MAP_VALUE_LENGTH + 1)),
        "attributes.player is longer than 1024 characters");
    check(Fixtures.viewerEvent(),
        v -> v.profile = StringMap.of("country", "c".repeat(RecordValidation.MAX_MAP_VALUE_LENGTH + 1)),
        "profile.country is longer than 1024 characters");
    MatchEvent e = Fixtures.matchEvent();
    e.attributes = StringMap.of("player", "p".repeat(RecordValidation.MAX_MAP_VALUE_LENGTH));
    passes(e);
  }

  @Test
  void mapKeysAreBounded() {
    check(Fixtures.matchEvent(), e -> e.attributes = StringMap.of("", "v"),
        "attributes has a key that is empty or too long");
    check(Fixtures.viewerEvent(),
        v -> v.profile = StringMap.of("k".repeat(RecordValidation.MAX_MAP_KEY_LENGTH + 1), "v"),
        "profile has a key that is empty or too long");
    MatchEvent e = Fixtures.matchEvent();
    e.attributes = StringMap.of("k".repeat(RecordValidation.MAX_MAP_KEY_LENGTH), "v");
    passes(e);
  }

  @Test
  void mapEntryCountIsBounded() {
    MatchEvent e = Fixtures.matchEvent();
    e.attributes = StringMap.of(entries(RecordValidation.MAX_MAP_ENTRIES));
    passes(e);
    e.attributes = StringMap.of(entries(RecordValidation.MAX_MAP_ENTRIES + 1));
    rejects(e).hasMessage("attributes has 65 entries (limit 64)");
  }

  // --- the decoder

  @Test
  void decoderDecodesThenValidates() throws RecordException {
    InputDecoder<Segment> decoder = InputDecoder.forStream(StreamName.SEGMENTS, Segment.class);
    Segment s = Fixtures.segment();

    assertThat(decoder.decode(RecordCodec.encode(s))).isEqualTo(s);
    s.eventTime = 1_700_000_000L;
    String seconds = RecordCodec.encode(s);
    assertThatThrownBy(() -> decoder.decode(seconds))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith("eventTime 1700000000 ");
    assertThatThrownBy(() -> decoder.decode("{\"mediaId\":\"m\"}"))
        .isInstanceOf(RecordException.class)
        .hasMessage("segmentUrl is missing");
  }

  @Test
  void decoderIsOnlyForInputsOfTheirType() {
    assertThatThrownBy(() -> InputDecoder.forStream(StreamName.OVERLAYS, Segment.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InputDecoder.forStream(StreamName.SEGMENTS, Detection.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- helpers

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Object record) {
    return assertThatThrownBy(() -> RecordValidation.validate(record))
        .isInstanceOf(RecordException.class);
  }

  private static void passes(Object record) {
    assertThatCode(() -> RecordValidation.validate(record)).doesNotThrowAnyException();
  }

  private static <T> void check(T record, Consumer<T> breakIt, String messageStart) {
    breakIt.accept(record);
    rejects(record).hasMessageStartingWith(messageStart);
  }

  private static void setNull(Object target, String field) {
    set(target, field, null);
  }

  private static void set(Object target, String field, Object value) {
    try {
      target.getClass().getField(field).set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static BoundingBox box(double left, double top, double width, double height) {
    BoundingBox b = new BoundingBox();
    b.left = left;
    b.top = top;
    b.width = width;
    b.height = height;
    return b;
  }

  private static DetectionItem[] items(int n) {
    DetectionItem[] items = new DetectionItem[n];
    for (int i = 0; i < n; i++) {
      items[i] = Fixtures.item(ItemKind.LABEL, "label-" + i, 50.0);
    }
    return items;
  }

  private static Map<String, String> entries(int n) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put("key" + i, "value" + i);
    }
    return m;
  }
}
