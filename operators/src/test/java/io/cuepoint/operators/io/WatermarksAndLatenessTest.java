package io.cuepoint.operators.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Watermarks sent periodically, lateness judged per record from the records before it. */
class WatermarksAndLatenessTest {
  private static final Duration BOUND = Duration.ofSeconds(5);

  @Test
  void theWatermarkTrailsTheNewestEventTimeByTheBoundInTenMillisecondSteps() {
    StreamWatermark w = new StreamWatermark(BOUND);
    assertThat(w.current()).isEqualTo(Long.MIN_VALUE);
    w.observe(10_000);
    assertThat(w.current()).isEqualTo(4_990);
    w.observe(10_010);
    assertThat(w.current()).isEqualTo(5_000);
    w.observe(10_011);
    assertThat(w.current()).isEqualTo(5_010);
    w.observe(7_000);
    assertThat(w.current()).as("an older record never moves it back").isEqualTo(5_010);
  }

  @Test
  void theGeneratorSendsOnlyOnItsPeriodTheNewestWatermarkOnceAndNeverOnARecord() {
    BoundedOutOfOrdernessWatermarks<Segment> generator = new BoundedOutOfOrdernessWatermarks<>(BOUND);
    List<Long> sent = new ArrayList<>();
    WatermarkOutput output = collecting(sent);
    generator.onPeriodicEmit(output);
    for (long t = 10_000; t <= 12_000; t += 1) {
      generator.onEvent(null, t, output);
    }
    assertThat(sent).as("records alone send nothing").isEmpty();
    generator.onPeriodicEmit(output);
    generator.onPeriodicEmit(output);
    generator.onEvent(null, 11_000, output);
    generator.onPeriodicEmit(output);
    generator.onEvent(null, 20_000, output);
    generator.onPeriodicEmit(output);
    assertThat(sent).containsExactly(6_990L, 14_990L);
  }

  @Test
  void aRecordIsLateByTheRecordsBeforeItWhateverWatermarkWasSent() throws Exception {
    try (OneInputStreamOperatorTestHarness<Segment, Segment> h =
        ProcessFunctionTestHarnesses.forProcessFunction(new DropLateRecords<Segment>("segments", BOUND))) {
      // No watermark reaches the operator: a periodic one may not have fired yet.
      h.processElement(segment("a"), 10_000);
      h.processElement(segment("b"), 5_000);
      h.processElement(segment("c"), 4_990);
      h.processElement(segment("d"), 4_991);
      // Nor does a watermark that reached the operator.
      h.processWatermark(8_000);
      h.processElement(segment("e"), 6_000);
      assertThat(h.extractOutputValues()).extracting(s -> s.mediaId).containsExactly("a", "b", "d", "e");
      ConcurrentLinkedQueue<StreamRecord<DeadLetter>> dead = h.getSideOutput(DeadLetterTag.DEAD_LETTERS);
      assertThat(dead).hasSize(1);
      assertThat(dead.peek().getValue().error)
          .isEqualTo(
              "late: eventTime 4990 is behind the watermark 4990 (more out of order than the configured bound)");
    }
  }

  private static Segment segment(String mediaId) {
    Segment s = new Segment();
    s.mediaId = mediaId;
    return s;
  }

  private static WatermarkOutput collecting(List<Long> sent) {
    return new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark watermark) {
        sent.add(watermark.getTimestamp());
      }

      @Override
      public void markIdle() {}

      @Override
      public void markActive() {}
    };
  }
}
