package io.cuepoint.operators.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The operator in front of an async call whose results only go to an output. */
class EndOfEventTimeTest {
  @Test
  void passesRecordsWithTheirTimesInOrderAndNoWatermark() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, String> h =
        new OneInputStreamOperatorTestHarness<>(new EndOfEventTime<>())) {
      h.open();
      h.processElement(new StreamRecord<>("a", 1_000L));
      h.processWatermark(new Watermark(1_000L));
      h.processElement(new StreamRecord<>("b", 900L));
      h.processWatermark(new Watermark(2_000L));
      h.processElement(new StreamRecord<>("c", 3_000L));
      h.processWatermark(Watermark.MAX_WATERMARK);

      assertThat(h.getOutput())
          .containsExactly(
              new StreamRecord<>("a", 1_000L), new StreamRecord<>("b", 900L), new StreamRecord<>("c", 3_000L));
    }
  }
}
