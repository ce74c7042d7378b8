package io.cuepoint.connectors.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DetectionCarryForwardTest {
  static final long START = 1_780_000_000_000L;

  static KeyedTwoInputStreamOperatorTestHarness<String, VideoFrame, VideoFrame, Detection> harness(
      OperatorSubtaskState restore) throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new DetectionCarryForward(new FrameSettings())),
            (VideoFrame f) -> f.mediaId,
            (VideoFrame f) -> f.mediaId,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restore != null) {
      harness.initializeState(restore);
    }
    harness.open();
    return harness;
  }

  static VideoFrame analysed(long positionMs, String source, String... labels) {
    VideoFrame f = frame(positionMs, null);
    if (source != null) {
      Detection d = new Detection();
      d.mediaId = "m";
      d.positionMs = positionMs;
      d.eventTime = START + positionMs;
      d.source = source;
      d.items = new DetectionItem[labels.length];
      for (int i = 0; i < labels.length; i++) {
        d.items[i] = new DetectionItem();
        d.items[i].kind = ItemKind.LABEL;
        d.items[i].name = labels[i];
        d.items[i].confidence = 90.0;
      }
      f.detection = d;
    }
    return f;
  }

  static VideoFrame frame(long positionMs, Long inheritsFromMs) {
    VideoFrame f = new VideoFrame();
    f.mediaId = "m";
    f.positionMs = positionMs;
    f.eventTime = START + positionMs;
    f.inheritsFromMs = inheritsFromMs;
    return f;
  }

  static String describe(Detection d) {
    StringBuilder s = new StringBuilder(d.source + "@" + d.positionMs + "/" + (d.eventTime - START) + ":");
    for (DetectionItem item : d.items) {
      s.append(item.name).append(' ');
    }
    return s.toString().trim();
  }

  @Test
  void aSkippedFrameGetsTheItemsOfItsAnalysedFrameAtItsOwnPosition() throws Exception {
    try (var h = harness(null)) {
      h.processElement1(analysed(0, "rekognition-labels", "Ball", "Person"), START);
      h.processElement2(frame(4_000, 0L), START + 4_000);
      assertThat(h.extractOutputValues()).extracting(DetectionCarryForwardTest::describe)
          .containsExactly("rekognition-labels@4000/4000:Ball Person");
    }
  }

  @Test
  void aSkippedFrameArrivingFirstWaitsForTheDetectionsOfEachSource() throws Exception {
    try (var h = harness(null)) {
      h.processElement2(frame(8_000, 4_000L), START + 8_000);
      h.processElement2(frame(12_000, 4_000L), START + 12_000);
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement1(analysed(4_000, "rekognition-labels", "Car"), START + 4_000);
      h.processElement1(analysed(4_000, "rekognition-celebrities", "Jane Doe"), START + 4_000);
      // The same source again (a replay) is not carried twice.
      h.processElement1(analysed(4_000, "rekognition-labels", "Car"), START + 4_000);
      assertThat(h.extractOutputValues()).extracting(DetectionCarryForwardTest::describe)
          .containsExactlyInAnyOrder(
              "rekognition-labels@8000/8000:Car",
              "rekognition-labels@12000/12000:Car",
              "rekognition-celebrities@8000/8000:Jane Doe",
              "rekognition-celebrities@12000/12000:Jane Doe");
    }
  }

  @Test
  void aSkippedFrameWhoseDetectionsNeverComeIsGivenUpAndItsStateCleared() throws Exception {
    try (var h = harness(null)) {
      h.processElement2(frame(8_000, 4_000L), START + 8_000);
      h.processBothWatermarks(new Watermark(START + 17_999));
      assertThat(h.numKeyedStateEntries()).isEqualTo(1);
      h.processBothWatermarks(new Watermark(START + 18_000));
      assertThat(h.numKeyedStateEntries()).isZero();
      // Detections that come after the frame was given up find nothing waiting for them.
      h.processElement1(analysed(4_000, "rekognition-labels", "Car"), START + 4_000);
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void anAnalysedFrameWithNothingFoundResolvesItsSkippedFramesWithoutOutput() throws Exception {
    try (var h = harness(null)) {
      h.processElement1(analysed(0, null), START);
      h.processElement2(frame(4_000, 0L), START + 4_000);
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void waitingFramesAndKnownDetectionsSurviveARestoreThenAreCleared() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(null)) {
      h.processElement2(frame(8_000, 4_000L), START + 8_000);
      h.processElement1(analysed(12_000, "rekognition-labels", "Goal"), START + 12_000);
      snapshot = h.snapshot(1L, 1L);
    }
    try (var h = harness(snapshot)) {
      h.processElement1(analysed(4_000, "rekognition-labels", "Car"), START + 4_000);
      h.processElement2(frame(16_000, 12_000L), START + 16_000);
      assertThat(h.extractOutputValues()).extracting(DetectionCarryForwardTest::describe)
          .containsExactlyInAnyOrder("rekognition-labels@8000/8000:Car", "rekognition-labels@16000/16000:Goal");
      h.processBothWatermarks(new Watermark(START + 60_000));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }
}
