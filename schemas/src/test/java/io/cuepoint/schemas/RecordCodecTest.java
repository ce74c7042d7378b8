package io.cuepoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCodecTest {

  private static final String SEGMENT =
      "{\"mediaId\":\"m1\",\"segmentUrl\":\"https://cdn/s.ts\",\"sequence\":1,\"durationMs\":6000,"
          + "\"positionMs\":0,\"eventTime\":1718000000000}";

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void fullyPopulatedRecordRoundTrips(StreamName stream) throws RecordException {
    Object record = Fixtures.full(stream);

    String json = RecordCodec.encode(record);
    Object decoded = RecordCodec.decode(json, stream.recordType());

    assertThat(decoded).isInstanceOf(stream.recordType()).isEqualTo(record);
    assertThat(RecordCodec.encode(decoded)).isEqualTo(json);
    assertThat(json).doesNotContain("\n").startsWith("{").endsWith("}");
  }

  @Test
  void absentOptionalFieldsAreLeftOut() {
    Segment s = Fixtures.segment();
    s.channelArn = null;

    String json = RecordCodec.encode(s);

    assertThat(json).doesNotContain("channelArn").doesNotContain("null");
  }

  @Test
  void readsAMinimalRecord() throws RecordException {
    Segment s = RecordCodec.decode(SEGMENT, Segment.class);

    assertThat(s.mediaId).isEqualTo("m1");
    assertThat(s.channelArn).isNull();
    assertThat(s.eventTime).isEqualTo(1_718_000_000_000L);
  }

  @Test
  void acceptsUnknownFields() throws RecordException {
    String json =
        "{\"mediaId\":\"m1\",\"positionMs\":5,\"eventTime\":1718000000000,\"source\":\"srt\","
            + "\"addedLater\":{\"deep\":[1,2,{\"x\":null}]},\"alsoNew\":\"x\","
            + "\"items\":[{\"kind\":\"LABEL\",\"name\":\"Ball\",\"confidence\":90,\"shape\":\"round\","
            + "\"box\":{\"left\":0,\"top\":0,\"width\":1,\"height\":1,\"rotation\":0}}]}";

    Detection d = RecordCodec.decode(json, Detection.class);

    assertThat(d.items).hasSize(1);
    assertThat(d.items[0].name).isEqualTo("Ball");
    assertThat(d.items[0].confidence).isEqualTo(90.0);
    assertThat(RecordCodec.encode(d)).doesNotContain("addedLater", "shape", "rotation");
  }

  @Test
  void readsStringMapScalarsAsText() throws RecordException {
    MatchEvent e =
        RecordCodec.decode(
            "{\"attributes\":{\"player\":\"Nine\",\"shots\":3,\"xg\":0.75,\"home\":true}}",
            MatchEvent.class);

    assertThat(e.attributes.toMap())
        .containsExactly(
            Map.entry("home", "true"),
            Map.entry("player", "Nine"),
            Map.entry("shots", "3"),
            Map.entry("xg", "0.75"));
  }

  // --- strictness

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"positionMs\":\"12\"}'                 | positionMs",
        "'{\"eventTime\":\"1718000000000\"}'       | eventTime",
        "'{\"positionMs\":1.5}'                    | positionMs",
        "'{\"positionMs\":1.0}'                    | positionMs",
        "'{\"positionMs\":1e3}'                    | positionMs",
        "'{\"positionMs\":true}'                   | positionMs",
        "'{\"positionMs\":\"\"}'                   | positionMs",
        "'{\"positionMs\":[1]}'                    | positionMs",
        "'{\"positionMs\":{}}'                     | positionMs",
        "'{\"positionMs\":99999999999999999999}'   | positionMs",
        "'{\"items\":[{\"confidence\":\"5\"}]}'    | items[0].confidence",
        "'{\"items\":[{\"box\":{\"left\":\"x\"}}]}' | items[0].box.left",
        "'{\"items\":[{\"kind\":\"LOGO\"}]}'       | items[0].kind",
        "'{\"items\":[{\"kind\":\"label\"}]}'      | items[0].kind",
        "'{\"items\":[{\"kind\":1}]}'              | items[0].kind",
        "'{\"items\":[{\"kind\":\"1\"}]}'          | items[0].kind",
        "'{\"items\":[{\"kind\":\"\"}]}'           | items[0].kind",
        "'{\"items\":{\"kind\":\"LABEL\"}}'        | items",
        "'{\"items\":\"LABEL\"}'                   | items",
        "'{\"mediaId\":{\"id\":\"m1\"}}'           | mediaId",
        "'{\"mediaId\":[\"m1\"]}'                  | mediaId",
      })
  void rejectsWrongTypesNamingTheField(String json, String field) {
    assertThatThrownBy(() -> RecordCodec.decode(json, Detection.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("'" + field + "'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"matchMinute\":45.5}'                 | matchMinute",
        "'{\"matchMinute\":3000000000}'           | matchMinute",
        "'{\"score\":{\"home\":\"1\"}}'           | score.home",
        "'{\"type\":\"CORNER\"}'                  | type",
        "'{\"type\":3}'                           | type",
        "'{\"team\":\"home\"}'                    | team",
        "'{\"attributes\":{\"k\":{\"a\":1}}}'     | attributes",
        "'{\"attributes\":{\"k\":[\"a\"]}}'       | attributes",
        "'{\"attributes\":{\"k\":null}}'          | attributes",
        "'{\"attributes\":[]}'                    | attributes",
        "'{\"attributes\":\"k=v\"}'               | attributes",
      })
  void rejectsWrongMatchEventValuesNamingTheField(String json, String field) {
    assertThatThrownBy(() -> RecordCodec.decode(json, MatchEvent.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("'" + field + "'");
  }

  @Test
  void nestedObjectAsStringMapValueNamesTheKey() {
    assertThatThrownBy(
            () -> RecordCodec.decode("{\"profile\":{\"team\":{\"name\":\"x\"}}}", ViewerEvent.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("'profile'")
        .hasMessageContaining("'team'");
  }

  @Test
  void rejectsAnEnumByOrdinal() {
    // Jackson reads numbers as enum ordinals unless told not to: 1 would silently be GOAL.
    assertThatThrownBy(() -> RecordCodec.decode("{\"type\":1}", MatchEvent.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("'type'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"mediaId\":12}", "{\"mediaId\":1.5}", "{\"mediaId\":true}"})
  void rejectsAScalarWhereTextBelongs(String json) {
    assertThatThrownBy(() -> RecordCodec.decode(json, MatchEvent.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("'mediaId'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"mediaId\":\"m1\"} trailing",
        "{\"mediaId\":\"m1\"} {}",
        "{\"mediaId\":\"m1\"}}",
        "{\"mediaId\":\"m1\"}]",
        "{\"mediaId\":\"m1\"",
        "{\"mediaId\":\"m1\",}",
        "{mediaId:\"m1\"}",
        "{'mediaId':'m1'}",
        "/* comment */ {}",
        "{\"positionMs\":NaN}",
        "{\"positionMs\":Infinity}",
        "{\"positionMs\":01}",
        "null",
        "[]",
        "[{\"mediaId\":\"m1\"}]",
        "\"m1\"",
        "12",
        "true",
        "",
        "   ",
      })
  void rejectsWhatIsNotOneJsonObject(String json) {
    assertThatThrownBy(() -> RecordCodec.decode(json, Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsJsonNullAndNothing() {
    assertThatThrownBy(() -> RecordCodec.decode("null", Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> RecordCodec.decode(null, Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsAnArrayInsteadOfAnObject() {
    assertThatThrownBy(() -> RecordCodec.decode("[" + SEGMENT + "]", Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("wrong shape");
  }

  @Test
  void rejectsTrailingGarbage() {
    assertThatThrownBy(() -> RecordCodec.decode(SEGMENT + " x", Segment.class))
        .isInstanceOf(RecordException.class);
    assertThatThrownBy(() -> RecordCodec.decode(SEGMENT + SEGMENT, Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void rejectsARecordLongerThanTheLimit() {
    String tooLong = padded(RecordCodec.MAX_RECORD_CHARS + 1);
    assertThat(tooLong).hasSize(RecordCodec.MAX_RECORD_CHARS + 1);

    assertThatThrownBy(() -> RecordCodec.decode(tooLong, Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("too large")
        .hasMessageContaining(String.valueOf(RecordCodec.MAX_RECORD_CHARS));
  }

  @Test
  void acceptsARecordOfExactlyTheLimit() throws RecordException {
    String longest = padded(RecordCodec.MAX_RECORD_CHARS);
    assertThat(longest).hasSize(RecordCodec.MAX_RECORD_CHARS);

    assertThat(RecordCodec.decode(longest, Segment.class).mediaId).isEqualTo("m1");
  }

  @Test
  void rejectsAOneMegabyteLine() {
    String line = padded(1024 * 1024);

    assertThatThrownBy(() -> RecordCodec.decode(line, Segment.class))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("too large");
  }

  /** A valid segment with an unknown padding field, exactly {@code length} characters long. */
  private static String padded(int length) {
    String head = SEGMENT.substring(0, SEGMENT.length() - 1) + ",\"padding\":\"";
    String tail = "\"}";
    return head + "p".repeat(length - head.length() - tail.length()) + tail;
  }

  // --- deterministic encoding

  @Test
  void stringMapKeysAreSortedWhateverTheInputOrder() throws RecordException {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("zeta", "1");
    reversed.put("beta", "2");
    reversed.put("alpha", "3");
    MatchEvent fromMap = Fixtures.matchEvent();
    fromMap.attributes = StringMap.of(reversed);
    MatchEvent fromPairs = Fixtures.matchEvent();
    fromPairs.attributes = StringMap.of("beta", "2", "alpha", "3", "zeta", "1");
    MatchEvent fromJson =
        RecordCodec.decode(
            RecordCodec.encode(Fixtures.matchEvent())
                .replaceFirst(
                    "\"attributes\":\\{[^}]*\\}",
                    "\"attributes\":{\"zeta\":\"1\",\"alpha\":\"3\",\"beta\":\"2\"}"),
            MatchEvent.class);

    String json = RecordCodec.encode(fromMap);

    assertThat(json).contains("\"attributes\":{\"alpha\":\"3\",\"beta\":\"2\",\"zeta\":\"1\"}");
    assertThat(RecordCodec.encode(fromPairs)).isEqualTo(json);
    assertThat(RecordCodec.encode(fromJson)).isEqualTo(json);
  }

  @Test
  void fieldOrderOfTheInputDoesNotChangeTheOutput() throws RecordException {
    Segment original = Fixtures.segment();
    String json = RecordCodec.encode(original);
    String shuffled =
        "{\"eventTime\":" + original.eventTime
            + ",\"positionMs\":" + original.positionMs
            + ",\"durationMs\":" + original.durationMs
            + ",\"sequence\":" + original.sequence
            + ",\"segmentUrl\":\"" + original.segmentUrl + "\""
            + ",\"channelArn\":\"" + original.channelArn + "\""
            + ",\"mediaId\":\"" + original.mediaId + "\"}";

    assertThat(RecordCodec.encode(RecordCodec.decode(shuffled, Segment.class))).isEqualTo(json);
    assertThat(RecordCodec.encode(Fixtures.segment())).isEqualTo(json);
  }
}
