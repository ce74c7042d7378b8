package io.cuepoint.connectors.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class NearDuplicateFilterTest {
  static final long START = 1_780_000_000_000L;
  static final long SCENE_A = 0x0F0F_0F0F_0F0F_0F0FL;
  static final long SCENE_B = 0x5555_AAAA_3333_CCCCL;

  static VideoFrame frame(String media, long positionMs, long hash) {
    VideoFrame f = new VideoFrame();
    f.mediaId = media;
    f.positionMs = positionMs;
    f.eventTime = START + positionMs;
    f.dHash = hash;
    f.jpeg = new byte[] {1, 2, 3};
    return f;
  }

  static KeyedOneInputStreamOperatorTestHarness<String, VideoFrame, VideoFrame> harness(
      FrameSettings settings, OperatorSubtaskState restore) throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new NearDuplicateFilter(settings)), (VideoFrame f) -> f.mediaId, Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restore != null) {
      harness.initializeState(restore);
    }
    harness.open();
    return harness;
  }

  static void send(KeyedOneInputStreamOperatorTestHarness<String, VideoFrame, VideoFrame> h, VideoFrame... frames)
      throws Exception {
    for (VideoFrame f : frames) {
      h.processElement(f, f.eventTime);
    }
  }

  static List<Long> analysed(KeyedOneInputStreamOperatorTestHarness<String, VideoFrame, VideoFrame> h) {
    return h.extractOutputValues().stream().map(f -> f.positionMs).collect(Collectors.toList());
  }

  static List<VideoFrame> skipped(KeyedOneInputStreamOperatorTestHarness<String, VideoFrame, VideoFrame> h) {
    var side = h.getSideOutput(NearDuplicateFilter.SKIPPED);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  @Test
  void outOfOrderFramesAreDecidedInEventTimeOrder() throws Exception {
    try (var h = harness(new FrameSettings(), null)) {
      // Arrival order of an unordered decoder: later segments first. 4 s apart, one scene change.
      send(h,
          frame("m", 12_000, SCENE_B),
          frame("m", 4_000, SCENE_A ^ 0b11),
          frame("m", 8_000, SCENE_B ^ 0b1),
          frame("m", 0, SCENE_A),
          frame("m", 16_000, SCENE_B ^ 0b111));
      assertThat(analysed(h)).isEmpty();
      h.processWatermark(START + 16_000);

      assertThat(analysed(h)).containsExactly(0L, 8_000L);
      assertThat(skipped(h)).extracting(f -> f.positionMs).containsExactly(4_000L, 12_000L, 16_000L);
      assertThat(skipped(h)).extracting(f -> f.inheritsFromMs).containsExactly(0L, 8_000L, 8_000L);
      assertThat(skipped(h)).allMatch(f -> f.jpeg == null);
      assertThat(h.extractOutputValues()).allMatch(f -> f.inheritsFromMs == null && f.jpeg != null);
    }
  }

  @Test
  void framesSharingAnEventTimeAreBothDecided() throws Exception {
    try (var h = harness(new FrameSettings(), null)) {
      VideoFrame first = frame("m", 0, SCENE_A);
      VideoFrame second = frame("m", 4_000, SCENE_B);
      second.eventTime = first.eventTime;
      send(h, second, first);
      h.processWatermark(START);
      assertThat(analysed(h)).containsExactly(0L, 4_000L);
    }
  }

  @Test
  void aFrameIsAnalysedAnywayOnceTheMaximumGapHasPassed() throws Exception {
    FrameSettings settings = new FrameSettings();
    settings.maxGapMs = 30_000;
    try (var h = harness(settings, null)) {
      for (long p = 0; p <= 64_000; p += 4_000) {
        send(h, frame("m", p, SCENE_A ^ (p / 4_000 % 2)));
      }
      h.processWatermark(START + 64_000);
      assertThat(analysed(h)).containsExactly(0L, 32_000L, 64_000L);
      assertThat(skipped(h)).hasSize(14);
    }
  }

  @Test
  void theThresholdIsInclusiveAndComparesWithTheLastAnalysedFrameNotThePreviousOne() throws Exception {
    FrameSettings settings = new FrameSettings();
    settings.hammingThreshold = 4;
    try (var h = harness(settings, null)) {
      // Drift of 2 more bits each frame: within 4 of the analysed frame twice, then not.
      send(h,
          frame("m", 0, 0L),
          frame("m", 4_000, 0b11L),
          frame("m", 8_000, 0b1111L),
          frame("m", 12_000, 0b11_1111L),
          frame("m", 16_000, 0b1111_1111L));
      h.processWatermark(START + 20_000);
      assertThat(analysed(h)).containsExactly(0L, 12_000L);
      assertThat(skipped(h)).extracting(f -> f.inheritsFromMs).containsExactly(0L, 0L, 12_000L);
    }
  }

  @Test
  void mediaAreFilteredIndependently() throws Exception {
    try (var h = harness(new FrameSettings(), null)) {
      send(h, frame("a", 0, SCENE_A), frame("b", 0, SCENE_A), frame("a", 4_000, SCENE_A), frame("b", 4_000, SCENE_B));
      h.processWatermark(START + 4_000);
      assertThat(h.extractOutputValues()).extracting(f -> f.mediaId + "@" + f.positionMs)
          .containsExactlyInAnyOrder("a@0", "b@0", "b@4000");
    }
  }

  @Test
  void pendingFramesAndTheLastAnalysedFrameSurviveARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(new FrameSettings(), null)) {
      send(h, frame("m", 0, SCENE_A), frame("m", 8_000, SCENE_A ^ 1));
      h.processWatermark(START);
      assertThat(analysed(h)).containsExactly(0L);
      snapshot = h.snapshot(1L, 1L);
    }
    try (var h = harness(new FrameSettings(), snapshot)) {
      send(h, frame("m", 4_000, SCENE_A ^ 0b10));
      h.processWatermark(START + 8_000);
      assertThat(analysed(h)).isEmpty();
      assertThat(skipped(h)).extracting(f -> f.positionMs).containsExactly(4_000L, 8_000L);
    }
  }

  @Test
  void stateIsClearedOnceAMediaHasBeenQuietForTheMaximumGap() throws Exception {
    try (var h = harness(new FrameSettings(), null)) {
      send(h, frame("m", 0, SCENE_A), frame("m", 4_000, SCENE_A));
      h.processWatermark(START + 4_000);
      assertThat(h.numKeyedStateEntries()).isEqualTo(1);
      h.processWatermark(START + 30_000);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aFrameBehindTheWatermarkIsStillDecidedNotLost() throws Exception {
    try (var h = harness(new FrameSettings(), null)) {
      send(h, frame("m", 0, SCENE_A), frame("m", 8_000, SCENE_B));
      h.processWatermark(START + 8_000);
      send(h, frame("m", 4_000, SCENE_A));
      assertThat(analysed(h)).containsExactly(0L, 8_000L, 4_000L);
      // It did not become the reference: a frame like scene B is still skipped after it.
      send(h, frame("m", 12_000, SCENE_B));
      h.processWatermark(START + 12_000);
      assertThat(skipped(h)).extracting(f -> f.inheritsFromMs).containsExactly(8_000L);
    }
  }
}
