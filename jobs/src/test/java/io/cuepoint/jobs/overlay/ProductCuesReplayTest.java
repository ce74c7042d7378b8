package io.cuepoint.jobs.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pre-recorded shopping video's SRT product cues drive overlays through the whole job. */
class ProductCuesReplayTest {
  private static final String START = "2026-05-30T19:00:00Z";
  private static final long T0 = 1_780_167_600_000L;

  @TempDir Path dir;

  @Test
  void cuesShowTheirProductsAndMalformedCuesAreDeadLetters() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Segment s = new Segment();
      s.mediaId = "vlog";
      s.channelArn = "arn:aws:ivs:us-west-2:123456789012:channel/VlOg42";
      s.segmentUrl = "https://cdn.example.com/vlog/seg" + i + ".ts";
      s.sequence = (long) i;
      s.durationMs = 6000L;
      s.positionMs = i * 6000L;
      s.eventTime = T0 + i * 6000L;
      segments.add(RecordCodec.encode(s));
    }
    Files.write(in.resolve(StreamName.SEGMENTS.fileName()), segments);
    Path srt = dir.resolve("vlog.srt");
    Files.writeString(
        srt,
        "1\n00:00:04,000 --> 00:00:08,000\n{\"productId\": \"prod-lipstick-velvet\"}\n\n"
            + "2\n00:00:30,000 --> 00:00:40,000\n{\"productId\": \"prod-handbag-tote\"}\n\n"
            + "3\n00:02:10,000 --> 00:02:20,000\n{\"productId\": \"prod-handbag-tote\"}\n\n"
            + "4\nnot a time\n{\"productId\": \"prod-jacket-denim\"}\n\n"
            + "5\n00:02:30,000 --> 00:02:40,000\n{\"sku\": \"prod-jacket-denim\"}\n");
    CuepointConfig config =
        CuepointConfig.of(
            Collections.emptyMap(),
            Map.of(
                "Overlays.catalog", Path.of("..", "samples", "soccer-final", "products.json").toString(),
                "Overlays.allowed-hosts", "images.example.com,shop.example.com",
                "Overlays.product-cues", "vlog=" + srt + "@" + START,
                "Job.parallelism", "1"));
    Path out = dir.resolve("out");
    ReplayRunner.run(in, out, config, null, false);

    List<Overlay> overlays = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.OVERLAYS.fileName()))) {
      overlays.add(RecordCodec.decode(line, Overlay.class));
    }
    overlays.sort(Comparator.comparing((Overlay o) -> o.eventTime).thenComparing(o -> o.action == OverlayAction.CLEAR ? 0 : 1));
    assertThat(overlays.stream()
            .filter(o -> o.action != OverlayAction.RESEND)
            .map(o -> o.action + " " + o.productId + " " + (o.eventTime - T0) / 1000)
            .collect(Collectors.toList()))
        // The handbag cue at 30 s comes while the lipstick is up; the one at 130 s shows it.
        .containsExactly(
            "SHOW prod-lipstick-velvet 4", "CLEAR prod-lipstick-velvet 124", "SHOW prod-handbag-tote 130",
            "CLEAR prod-handbag-tote 250");

    List<DeadLetter> dead = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.DEAD_LETTERS.fileName()))) {
      dead.add(RecordCodec.decode(line, DeadLetter.class));
    }
    assertThat(dead).extracting(d -> d.input).containsOnly("product-cues:" + srt);
    assertThat(dead).extracting(d -> d.error)
        .containsExactlyInAnyOrder(
            "line 13: cue 4: 'not a time' is not HH:MM:SS,mmm --> HH:MM:SS,mmm", "cue 5: no productId");
  }
}
