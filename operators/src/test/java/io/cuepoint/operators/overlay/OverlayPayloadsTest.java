package io.cuepoint.operators.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverlayPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UrlAllowList URLS = new UrlAllowList(Set.of("images.example.com", "Shop.Example.com"));

  private static CatalogProduct product(String title, String description) {
    CatalogProduct p = new CatalogProduct();
    p.productId = "prod-ball-final-2026";
    p.title = title;
    p.description = description;
    p.price = "149.99";
    p.currency = "EUR";
    p.imageUrl = "https://images.example.com/products/prod-ball-final-2026.jpg";
    p.link = "https://shop.example.com/p/prod-ball-final-2026";
    return p;
  }

  @Test
  void aProductPayloadIsMinifiedJsonWithItsFieldsInOrder() throws Exception {
    OverlayPayloads.ProductPayload p =
        OverlayPayloads.product("ov-1", product("Match Ball", "The \"official\" ball.\nSigned."), URLS);
    assertThat(p.payload)
        .isEqualTo(
            "{\"type\":\"product\",\"overlayId\":\"ov-1\",\"productId\":\"prod-ball-final-2026\","
                + "\"title\":\"Match Ball\",\"description\":\"The \\\"official\\\" ball.\\nSigned.\","
                + "\"price\":149.99,\"currency\":\"EUR\","
                + "\"imageUrl\":\"https://images.example.com/products/prod-ball-final-2026.jpg\","
                + "\"link\":\"https://shop.example.com/p/prod-ball-final-2026\"}");
    assertThat(p.descriptionShortened).isFalse();
    assertThat(p.droppedUrls).isEmpty();
    assertThat(JSON.readTree(p.payload).get("description").asText()).isEqualTo("The \"official\" ball.\nSigned.");
  }

  @Test
  void clearPayload() {
    assertThat(OverlayPayloads.clear("ov-9f")).isEqualTo("{\"type\":\"clear\",\"overlayId\":\"ov-9f\"}");
  }

  @Test
  void aLongDescriptionIsShortenedAtAWordToFitTheExactBytes() throws Exception {
    StringBuilder d = new StringBuilder();
    for (int i = 0; d.length() < 3000; i++) {
      d.append("word").append(i).append(' ');
    }
    String description = d.toString().trim();
    OverlayPayloads.ProductPayload p = OverlayPayloads.product("ov-1", product("Match Ball", description), URLS);

    int bytes = p.payload.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThanOrEqualTo(OverlayPayloads.MAX_BYTES).isGreaterThan(OverlayPayloads.MAX_BYTES - 40);
    assertThat(p.descriptionShortened).isTrue();
    String shortened = JSON.readTree(p.payload).get("description").asText();
    assertThat(shortened).endsWith(OverlayPayloads.ELLIPSIS);
    String kept = shortened.substring(0, shortened.length() - 1);
    assertThat(description).startsWith(kept);
    // Cut at a word: the next character of the original is the space after a whole word.
    assertThat(description.charAt(kept.length())).isEqualTo(' ');
  }

  @Test
  void escapingCountsInTheSize() throws Exception {
    String quotes = "\"".repeat(900);
    OverlayPayloads.ProductPayload p = OverlayPayloads.product("ov-1", product("Ball", quotes), URLS);
    assertThat(OverlayPayloads.bytes(p.payload)).isLessThanOrEqualTo(OverlayPayloads.MAX_BYTES);
    // Each quote is two bytes once escaped, so fewer than half of the 1 KB are quotes.
    String kept = JSON.readTree(p.payload).get("description").asText();
    assertThat(kept.length()).isLessThan(OverlayPayloads.MAX_BYTES / 2).isGreaterThan(300);
  }

  @Test
  void unicodeIsCountedInUtf8BytesAndNeverCutInsideACharacter() throws Exception {
    // 4-byte emoji (surrogate pairs in Java) and 3-byte CJK, no spaces to cut at.
    String description = "\uD83D\uDED2\u8CFC\u7269".repeat(200);
    String title = "Ball \u26BD \u00E9t\u00E9 \uD83C\uDFC6";
    OverlayPayloads.ProductPayload p = OverlayPayloads.product("ov-1", product(title, description), URLS);

    byte[] bytes = p.payload.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isLessThanOrEqualTo(OverlayPayloads.MAX_BYTES).isGreaterThan(OverlayPayloads.MAX_BYTES - 8);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(p.payload);
    for (int i = 0; i < p.payload.length(); i++) {
      char c = p.payload.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(p.payload.charAt(i + 1))).as("pair at %d", i).isTrue();
      } else if (Character.isLowSurrogate(c)) {
        assertThat(Character.isHighSurrogate(p.payload.charAt(i - 1))).as("pair at %d", i).isTrue();
      }
    }
    JsonNode json = JSON.readTree(p.payload);
    assertThat(json.get("title").asText()).isEqualTo(title);
    assertThat(description).startsWith(json.get("description").asText().replace(OverlayPayloads.ELLIPSIS, ""));
  }

  @Test
  void aPayloadThatCannotFitEvenWithoutItsDescriptionIsRefused() {
    OverlayPayloads.ProductPayload p = OverlayPayloads.product("ov-1", product("T".repeat(1200), "short"), URLS);
    assertThat(p.payload).isNull();
    assertThat(p.problem)
        .matches("payload of product prod-ball-final-2026 is \\d+ bytes even without its description \\(limit 1024\\)");
    assertThat(Integer.parseInt(p.problem.replaceAll(".* is (\\d+) bytes.*", "$1"))).isGreaterThan(1200);
  }

  @Test
  void onlyHttpsUrlsOfAllowedHostsGoIntoAPayload() throws Exception {
    CatalogProduct p = product("Ball", "A ball.");
    for (String bad :
        List.of(
            "http://images.example.com/a.jpg",
            "https://images.example.com.evil.test/a.jpg",
            "https://evil.test/a.jpg",
            "https://shop.example.com@evil.test/a.jpg",
            "javascript:alert(1)",
            "https://bad host/a.jpg")) {
      p.imageUrl = bad;
      OverlayPayloads.ProductPayload payload = OverlayPayloads.product("ov-1", p, URLS);
      assertThat(JSON.readTree(payload.payload).has("imageUrl")).as(bad).isFalse();
      assertThat(payload.droppedUrls).as(bad).singleElement().asString().startsWith("imageUrl: ");
      assertThat(JSON.readTree(payload.payload).get("link").asText()).isEqualTo(p.link);
    }
    p.imageUrl = "https://IMAGES.example.com/a.jpg";
    assertThat(JSON.readTree(OverlayPayloads.product("ov-1", p, URLS).payload).get("imageUrl").asText())
        .isEqualTo("https://IMAGES.example.com/a.jpg");
  }
}
