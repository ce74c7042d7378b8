package io.cuepoint.connectors.srt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cuepoint.schemas.records.ItemKind;
import org.junit.jupiter.api.Test;

class ProductCuesTest {
  private static final long START = 1_780_167_600_000L;

  @Test
  void cuesBecomeProductDetectionsAtTheirStart() {
    String srt =
        "\uFEFF1\r\n00:00:04,000 --> 00:00:08,000\r\n{\"productId\": 1}\r\n\r\n"
            + "2\n00:01:08.250 --> 00:01:12,000 X1:10 X2:20\n{\"productId\": \"prod-lipstick-velvet\",\n \"note\": \"two lines\"}\n\n\n"
            + "3\n01:00:00,000 --> 01:00:05,000\n{\"productId\":\"prod-watch-chrono-s\"}";
    ProductCues cues = ProductCues.read(srt, "studio-show", START, "product-cues:show.srt", 42L);

    assertThat(cues.deadLetters).isEmpty();
    assertThat(cues.detections)
        .extracting(d -> d.mediaId, d -> d.positionMs, d -> d.eventTime - START, d -> d.source, d -> d.items[0].name)
        .containsExactly(
            tuple("studio-show", 4_000L, 4_000L, "srt", "1"),
            tuple("studio-show", 68_250L, 68_250L, "srt", "prod-lipstick-velvet"),
            tuple("studio-show", 3_600_000L, 3_600_000L, "srt", "prod-watch-chrono-s"));
    assertThat(cues.detections).allSatisfy(d -> {
      assertThat(d.items).hasSize(1);
      assertThat(d.items[0].kind).isEqualTo(ItemKind.PRODUCT);
      assertThat(d.items[0].confidence).isEqualTo(100.0);
    });
  }

  @Test
  void malformedCuesAreDeadLettersAndTheRestIsRead() {
    String srt =
        "1\n00:00:01,000 --> 00:00:02,000\n{\"productId\": \"p-1\"}\n\n"
            + "2\n00:00:03 --> 00:00:04\n{\"productId\": \"p-2\"}\n\n"
            + "3\n00:00:05,000 --> 00:00:04,000\n{\"productId\": \"p-3\"}\n\n"
            + "4\n00:00:06,000 --> 00:00:07,000\nHello, world\n\n"
            + "5\n00:00:08,000 --> 00:00:09,000\n{\"sku\": \"p-5\"}\n\n"
            + "6\n00:00:10,000 --> 00:00:11,000\n\n"
            + "7\n00:00:12,000 --> 00:00:13,000\n{\"productId\": 1.5}\n\n"
            + "8\n00:61:00,000 --> 00:62:00,000\n{\"productId\": \"p-8\"}\n\n"
            + "9\n00:00:14,000 --> 00:00:15,000\n{\"productId\": \"p-9\"}\n";
    ProductCues cues = ProductCues.read(srt, "studio-show", START, "product-cues:show.srt", 42L);

    assertThat(cues.detections).extracting(d -> d.items[0].name).containsExactly("p-1", "p-9");
    assertThat(cues.deadLetters).allSatisfy(d -> {
      assertThat(d.input).isEqualTo("product-cues:show.srt");
      assertThat(d.receivedAt).isEqualTo(42L);
    });
    assertThat(cues.deadLetters)
        .extracting(d -> d.error)
        .containsExactlyInAnyOrder(
            "line 5: cue 2: '00:00:03 --> 00:00:04' is not HH:MM:SS,mmm --> HH:MM:SS,mmm",
            "line 9: cue 3 ends before it starts",
            "line 21: cue 6 has no text",
            "line 28: cue 8: minutes or seconds over 59",
            "cue 4: text is not JSON: Hello, world",
            "cue 5: no productId",
            "cue 7: productId must be text or a whole number");
    assertThat(cues.deadLetters).filteredOn(d -> d.error.startsWith("cue 4")).singleElement()
        .satisfies(d -> assertThat(d.raw).isEqualTo("Hello, world"));
  }
}
