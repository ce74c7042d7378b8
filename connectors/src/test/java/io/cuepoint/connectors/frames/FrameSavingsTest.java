package io.cuepoint.connectors.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Segment;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement: a generated 10-minute stream with 20 scene changes, one frame every
 * 4 s. Prints frames decoded, frames sent, calls saved, scene changes missed (asserted 0), the
 * hash distances within and across scenes (which set the default threshold) and the decode
 * throughput. Takes longer than a unit test should, so it runs only when asked:
 * {@code mvn -B -o test -pl schemas,operators,connectors -Dtest=FrameSavingsTest -Dframes.measure=true}.
 */
@EnabledIfSystemProperty(named = "frames.measure", matches = "true")
class FrameSavingsTest {
  static final long START = 1_780_000_000_000L;
  static final long DURATION_MS = 600_000L;
  static final int SCENE_CHANGES = 20;

  @Test
  void tenMinutesWithTwentySceneChanges() throws Exception {
    long[] changes = SyntheticVideo.sceneChanges(DURATION_MS, SCENE_CHANGES, 8_000L, 42L);
    SyntheticVideo video = new SyntheticVideo(320, 180, 5, DURATION_MS, changes, 42L);
    long encodeStarted = System.nanoTime();
    HlsStream stream = HlsStream.encode(video, 6_000L);
    double encodeSeconds = (System.nanoTime() - encodeStarted) / 1e9;
    List<Segment> segments = stream.segmentRecords("m1", "http://unused/", START);

    FrameSettings settings = new FrameSettings();
    FrameExtractor extractor = new FrameExtractor(settings);
    List<VideoFrame> sampled = new ArrayList<>();
    int decoded = 0;
    long decodeStarted = System.nanoTime();
    for (int i = 0; i < segments.size(); i++) {
      FrameExtractor.Result result = extractor.extract(segments.get(i), stream.segments.get(i));
      decoded += result.framesDecoded;
      sampled.addAll(result.frames);
    }
    double decodeSeconds = (System.nanoTime() - decodeStarted) / 1e9;

    IntSummaryStatistics sameScene = new IntSummaryStatistics();
    IntSummaryStatistics acrossScenes = new IntSummaryStatistics();
    for (int i = 1; i < sampled.size(); i++) {
      int distance = FrameHash.hamming(sampled.get(i - 1).dHash, sampled.get(i).dHash);
      boolean sceneChanged = video.sceneAt(sampled.get(i - 1).positionMs) != video.sceneAt(sampled.get(i).positionMs);
      (sceneChanged ? acrossScenes : sameScene).accept(distance);
    }

    List<VideoFrame> sent = new ArrayList<>();
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new NearDuplicateFilter(settings)), (VideoFrame f) -> f.mediaId, Types.STRING)) {
      h.open();
      for (VideoFrame f : sampled) {
        h.processElement(f, f.eventTime);
      }
      h.processWatermark(Long.MAX_VALUE);
      sent.addAll(h.extractOutputValues());
    }
    int missed = 0;
    for (long change : changes) {
      VideoFrame firstAfter = sampled.stream().filter(f -> f.positionMs >= change).findFirst().orElseThrow();
      if (sent.stream().noneMatch(f -> f.positionMs == firstAfter.positionMs)) {
        missed++;
      }
    }

    System.out.printf(
        Locale.ROOT,
        "%nFrames measurement (10 min, %d scene changes, 320x180 H.264 at 5 fps, %d segments of 6 s, one frame every %d ms):%n"
            + "  frames decoded      %d%n"
            + "  frames sampled      %d%n"
            + "  frames sent         %d%n"
            + "  calls saved         %.1f %%%n"
            + "  scene changes missed %d%n"
            + "  dHash distance, same scene   min %d max %d mean %.1f (%d pairs)%n"
            + "  dHash distance, across scenes min %d max %d mean %.1f (%d pairs)%n"
            + "  decode throughput   %.0f frames/s (%.2f s for %d frames, one thread, with sampling, JPEG and hashing)%n"
            + "  encode (fixture)    %.2f s%n",
        SCENE_CHANGES, segments.size(), settings.intervalMs,
        decoded, sampled.size(), sent.size(), 100.0 * (sampled.size() - sent.size()) / sampled.size(), missed,
        sameScene.getMin(), sameScene.getMax(), sameScene.getAverage(), sameScene.getCount(),
        acrossScenes.getMin(), acrossScenes.getMax(), acrossScenes.getAverage(), acrossScenes.getCount(),
        decoded / decodeSeconds, decodeSeconds, decoded, encodeSeconds);

    assertThat(decoded).isEqualTo(video.frameCount);
    assertThat(missed).isZero();
    assertThat(sent.size()).isLessThan(sampled.size());
  }
}
