package io.cuepoint.jobs.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.operators.overlay.OverlayPayloads;
import io.cuepoint.operators.overlay.ProductCatalog;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays the sample match and checks every overlay decision against the overlay rules. */
class OverlayReplayTest {
  static final Path SAMPLE = Path.of("..", "samples", "soccer-final");
  static final long SHOW_MS = 120_000;
  static final long COOLDOWN_MS = 600_000;
  static final long RESEND_MS = 10_000;

  @TempDir static Path out;
  static List<Overlay> overlays;
  static ProductCatalog catalog;

  @BeforeAll
  static void replayTheSample() throws Exception {
    CuepointConfig config =
        CuepointConfig.of(
            Collections.emptyMap(),
            Map.of(
                "Overlays.catalog", SAMPLE.resolve("products.json").toString(),
                "Overlays.allowed-hosts", "images.example.com,shop.example.com"));
    ReplayRunner.run(SAMPLE, out, config, null, false);
    overlays = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.OVERLAYS.fileName()))) {
      overlays.add(RecordCodec.decode(line, Overlay.class));
    }
    catalog = ProductCatalog.parse(Files.readString(SAMPLE.resolve("products.json")));
  }

  @Test
  void everyChannelFollowsTheRules() {
    Map<String, List<Overlay>> byChannel =
        overlays.stream().collect(Collectors.groupingBy(o -> o.channelArn));
    assertThat(byChannel).containsOnlyKeys(
        "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456",
        "arn:aws:ivs:us-west-2:123456789012:channel/StUdIo987XyZ");
    for (List<Overlay> decisions : byChannel.values()) {
      decisions.sort(
          Comparator.comparing((Overlay o) -> o.eventTime)
              .thenComparing(o -> o.action == OverlayAction.CLEAR ? 0 : 1));
      Overlay up = null;
      long nextResend = 0;
      Map<String, Long> lastShow = new HashMap<>();
      int shows = 0;
      for (Overlay o : decisions) {
        assertThat(o.status).isEqualTo(OverlayStatus.DRY_RUN);
        assertThat(o.attempts).isZero();
        switch (o.action) {
          case SHOW:
            assertThat(up).as("nothing is up when %s is shown", o.overlayId).isNull();
            Long last = lastShow.get(o.productId);
            assertThat(last == null || o.eventTime - last >= COOLDOWN_MS)
                .as("%s shown again %d ms after its last show", o.productId, last == null ? 0 : o.eventTime - last)
                .isTrue();
            lastShow.put(o.productId, o.eventTime);
            up = o;
            nextResend = o.eventTime + RESEND_MS;
            shows++;
            break;
          case RESEND:
            assertThat(up).isNotNull();
            assertThat(o.overlayId).isEqualTo(up.overlayId);
            assertThat(o.eventTime).isEqualTo(nextResend);
            assertThat(o.payload).isEqualTo(up.payload);
            nextResend += RESEND_MS;
            break;
          case CLEAR:
            assertThat(up).isNotNull();
            assertThat(o.overlayId).isEqualTo(up.overlayId);
            assertThat(o.eventTime - up.eventTime).isEqualTo(SHOW_MS);
            assertThat(nextResend).as("all re-sends before the clear").isEqualTo(up.eventTime + SHOW_MS);
            assertThat(o.payload).isEqualTo(OverlayPayloads.clear(o.overlayId));
            up = null;
            break;
          default:
            throw new AssertionError(o.action);
        }
      }
      assertThat(up).as("the last overlay is cleared").isNull();
      assertThat(shows).isGreaterThan(5);
    }
  }

  @Test
  void everyShowIsAProductOnScreenAtThatMomentWithAPayloadThatFits() throws Exception {
    Map<String, List<Detection>> detectionsAt = new HashMap<>();
    for (String line : Files.readAllLines(SAMPLE.resolve(StreamName.DETECTIONS.fileName()))) {
      Detection d = RecordCodec.decode(line, Detection.class);
      detectionsAt.computeIfAbsent(d.mediaId + "@" + d.eventTime, k -> new ArrayList<>()).add(d);
    }
    List<Overlay> shows =
        overlays.stream().filter(o -> o.action == OverlayAction.SHOW).collect(Collectors.toList());
    assertThat(shows).isNotEmpty();
    for (Overlay show : shows) {
      boolean onScreen = false;
      for (Detection d : detectionsAt.getOrDefault(show.mediaId + "@" + show.eventTime, List.of())) {
        for (DetectionItem item : d.items) {
          String product =
              item.kind.name().equals("PRODUCT") ? item.name
                  : item.kind.name().endsWith("LABEL") ? catalog.productForLabel(item.name) : null;
          onScreen |= show.productId.equals(product) && item.confidence >= 80;
        }
      }
      assertThat(onScreen).as("%s on %s at %d", show.productId, show.mediaId, show.eventTime).isTrue();
      assertThat(OverlayPayloads.bytes(show.payload)).isLessThanOrEqualTo(OverlayPayloads.MAX_BYTES);
      JsonNode payload = RecordCodec.mapper().readTree(show.payload);
      assertThat(payload.get("type").asText()).isEqualTo("product");
      assertThat(payload.get("overlayId").asText()).isEqualTo(show.overlayId);
      assertThat(payload.get("productId").asText()).isEqualTo(show.productId);
      assertThat(payload.get("link").asText()).startsWith("https://shop.example.com/");
      assertThat(payload.get("title").asText()).isEqualTo(catalog.product(show.productId).title);
    }
    System.out.println("example SHOW: " + RecordCodec.encode(shows.get(0)));
  }
}
