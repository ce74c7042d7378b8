package io.cuepoint.jobs.shoppable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.ShoppableSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product detections and SRT product cues become the shoppable output of a replay. */
class ShoppableReplayTest {
  private static final long T0 = 1_780_167_600_000L;

  @TempDir Path dir;

  @Test
  void productSightingsOfEverySourceBecomeSpansPerMedia() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> detections = new ArrayList<>();
    for (long p = 0; p <= 40_000; p += 4_000) {
      // A visual match every frame but one (20 s), then the product is gone for a minute.
      if (p != 20_000) {
        detections.add(detection("final", p, "visual-match", item(ItemKind.PRODUCT, "prod-ball", 80 + p / 4_000)));
      }
    }
    detections.add(detection("final", 100_000, "rekognition", item(ItemKind.PRODUCT, "prod-ball", 95), item(ItemKind.LABEL, "Ball", 99)));
    detections.add(detection("final", 104_000, "rekognition", item(ItemKind.LABEL, "Person", 99)));
    Files.write(in.resolve(StreamName.DETECTIONS.fileName()), detections);
    Path srt = dir.resolve("vlog.srt");
    Files.writeString(srt, "1\n00:00:04,000 --> 00:00:08,000\n{\"productId\": \"prod-lipstick-velvet\"}\n");
    CuepointConfig config =
        CuepointConfig.of(
            Collections.emptyMap(),
            Map.of(
                "Overlays.product-cues", "vlog=" + srt + "@2026-05-30T19:00:00Z",
                "Shoppable.gap-tolerance", "10s",
                "Job.parallelism", "2"));
    Path out = dir.resolve("out");
    ReplayRunner.run(in, out, config, null, false);

    List<String> spans = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.SHOPPABLE.fileName()))) {
      ShoppableSpan s = RecordCodec.decode(line, ShoppableSpan.class);
      spans.add(s.mediaId + " " + s.productId + " " + s.fromMs + ".." + s.toMs + " " + s.bestSimilarity);
    }
    Collections.sort(spans);
    assertThat(spans)
        .containsExactly(
            "final prod-ball 0..40000 0.9", "final prod-ball 100000..100000 0.95", "vlog prod-lipstick-velvet 4000..4000 1.0");
  }

  private static String detection(String media, long positionMs, String source, DetectionItem... items) {
    Detection d = new Detection();
    d.mediaId = media;
    d.positionMs = positionMs;
    d.eventTime = T0 + positionMs;
    d.source = source;
    d.items = items;
    return RecordCodec.encode(d);
  }

  private static DetectionItem item(ItemKind kind, String name, double confidence) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    return i;
  }
}
