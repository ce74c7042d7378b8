package io.cuepoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private static final long NOW = 1_718_000_000_000L;

  @Test
  void shortTextIsKeptAsIs() {
    DeadLetter d = DeadLetters.of("segments", "eventTime is missing", "{\"mediaId\":\"m\"}", NOW);

    assertThat(d.input).isEqualTo("segments");
    assertThat(d.error).isEqualTo("eventTime is missing");
    assertThat(d.raw).isEqualTo("{\"mediaId\":\"m\"}");
    assertThat(d.receivedAt).isEqualTo(NOW);
  }

  @Test
  void textOfExactlyTheBoundIsKept() {
    String raw = "r".repeat(DeadLetters.MAX_RAW_CHARS);
    String error = "e".repeat(DeadLetters.MAX_ERROR_CHARS);

    DeadLetter d = DeadLetters.of("segments", error, raw, NOW);

    assertThat(d.raw).isEqualTo(raw);
    assertThat(d.error).isEqualTo(error);
  }

  @Test
  void rawIsCutWithTheCountOfWhatWasLeftOut() {
    String raw = "r".repeat(DeadLetters.MAX_RAW_CHARS) + "x".repeat(904);

    DeadLetter d = DeadLetters.of("detections", "not valid JSON", raw, NOW);

    assertThat(d.raw)
        .isEqualTo("r".repeat(DeadLetters.MAX_RAW_CHARS) + "...[904 more characters]")
        .doesNotContain("x");
  }

  @Test
  void rawOneOverTheBound() {
    DeadLetter d = DeadLetters.of("detections", "e", "r".repeat(DeadLetters.MAX_RAW_CHARS + 1), NOW);

    assertThat(d.raw).isEqualTo("r".repeat(DeadLetters.MAX_RAW_CHARS) + "...[1 more characters]");
  }

  @Test
  void errorIsCutWithTheCountOfWhatWasLeftOut() {
    String error = "e".repeat(DeadLetters.MAX_ERROR_CHARS) + "z".repeat(976);

    DeadLetter d = DeadLetters.of("match-events", error, "{}", NOW);

    assertThat(d.error)
        .isEqualTo("e".repeat(DeadLetters.MAX_ERROR_CHARS) + "...[976 more characters]");
  }

  @Test
  void aMissingReasonIsStillAReason() {
    DeadLetter d = DeadLetters.of("viewer-events", null, "{}", NOW);

    assertThat(d.error).isEqualTo("unknown error");
  }

  @Test
  void aMissingRawIsLeftOutOfTheJson() {
    DeadLetter d = DeadLetters.of("viewer-events", "boom", null, NOW);

    assertThat(d.raw).isNull();
    assertThat(RecordCodec.encode(d))
        .isEqualTo(
            "{\"id\":\"" + d.id + "\",\"input\":\"viewer-events\",\"error\":\"boom\",\"receivedAt\":" + NOW + "}");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() throws RecordException {
    // The bound falls between the two halves of an emoji.
    String raw = "r".repeat(DeadLetters.MAX_RAW_CHARS - 1) + "\uD83D\uDE00" + "tail";

    DeadLetter d = DeadLetters.of("segments", "e", raw, NOW);

    assertThat(d.raw)
        .isEqualTo("r".repeat(DeadLetters.MAX_RAW_CHARS - 1) + "...[6 more characters]");
    String json = RecordCodec.encode(d);
    assertThat(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(json);
    assertThat(RecordCodec.decode(json, DeadLetter.class)).isEqualTo(d);
  }

  @Test
  void hugeRawStaysWithinTheSchemasBounds() {
    String raw = "r".repeat(2_000_000);
    String error = "e".repeat(2_000_000);

    DeadLetter d = DeadLetters.of("segments", error, raw, NOW);

    JsonNode properties = MiniSchemaValidator.load(StreamName.DEAD_LETTERS).path("properties");
    assertThat(d.raw.length()).isLessThanOrEqualTo(properties.path("raw").path("maxLength").intValue());
    assertThat(d.error.length())
        .isLessThanOrEqualTo(properties.path("error").path("maxLength").intValue());
    // The schema's bounds are the cut plus the longest possible suffix (an int's digits).
    String longestSuffix = "...[" + Integer.MAX_VALUE + " more characters]";
    assertThat(properties.path("raw").path("maxLength").intValue())
        .isEqualTo(DeadLetters.MAX_RAW_CHARS + longestSuffix.length());
    assertThat(properties.path("error").path("maxLength").intValue())
        .isEqualTo(DeadLetters.MAX_ERROR_CHARS + longestSuffix.length());
    assertThat(new MiniSchemaValidator(MiniSchemaValidator.load(StreamName.DEAD_LETTERS))
            .validate(MiniSchemaValidator.parse(RecordCodec.encode(d))))
        .isEmpty();
  }

  @Test
  void theIdIsTheSameForTheSameRecordAndDiffersForAnyOtherText() {
    String raw = "{\"mediaId\":\"m\"," + "x".repeat(DeadLetters.MAX_RAW_CHARS) + "a}";
    DeadLetter first = DeadLetters.of("detections", "not valid JSON", raw, NOW);
    DeadLetter again = DeadLetters.of("detections", "not valid JSON", raw, NOW + 60_000);
    // Beyond the cut: the id covers the whole text, not just what raw keeps.
    DeadLetter otherTail = DeadLetters.of("detections", "not valid JSON", raw.replace("a}", "b}"), NOW);
    DeadLetter otherInput = DeadLetters.of("segments", "not valid JSON", raw, NOW);

    assertThat(first.id).isEqualTo(again.id).matches("detections:[0-9a-f]{16}");
    assertThat(otherTail.raw).isEqualTo(first.raw);
    assertThat(otherTail.id).isNotEqualTo(first.id);
    assertThat(otherInput.id).startsWith("segments:").isNotEqualTo(first.id);
    assertThat(DeadLetters.of("viewer-events", "boom", null, NOW).id)
        .isEqualTo(DeadLetters.of("viewer-events", "boom", null, NOW + 1).id);
  }
}
