package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RecordTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void longValuesAreCutInsideTheJsonWhichStaysJson() throws Exception {
    String payload = "x".repeat(3 * RecordText.MAX_VALUE_CHARS);
    String line = "{\"overlayId\":\"ov-1\",\"payload\":\"" + payload + "\",\"tags\":[\"" + payload + "\"],\"n\":5}";

    JsonNode kept = JSON.readTree(RecordText.of(line));

    assertThat(kept.get("overlayId").asText()).isEqualTo("ov-1");
    assertThat(kept.get("n").asInt()).isEqualTo(5);
    assertThat(kept.get("payload").asText())
        .startsWith("x".repeat(RecordText.MAX_VALUE_CHARS))
        .endsWith("…[" + 2 * RecordText.MAX_VALUE_CHARS + " more characters]");
    assertThat(kept.at("/tags/0").asText()).hasSize(kept.get("payload").asText().length());
  }

  @Test
  void textThatIsNotJsonIsCutAsText() {
    String line = "{\"broken\": " + "y".repeat(2 * RecordText.MAX_CHARS);

    String kept = RecordText.of(line);

    assertThat(kept).startsWith("{\"broken\": y").endsWith("more characters]");
    assertThat(kept.length()).isLessThan(RecordText.MAX_CHARS + 40);
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    String text = "a".repeat(9) + "\uD83D\uDE00" + "b";

    assertThat(RecordText.cut(text, 10)).startsWith("a".repeat(9) + "…");
  }
}
