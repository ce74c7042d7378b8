package io.cuepoint.operators.timeline;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MediaContext;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The timeline operator in a harness with generic (Kryo) types disabled as in the job. */
final class TimelineHarness implements AutoCloseable {
  final KeyedTwoInputStreamOperatorTestHarness<String, Detection, MatchUpdate, MediaContext>
      harness;

  TimelineHarness(TimelineSettings settings) throws Exception {
    this(settings, null);
  }

  /** @param restored a snapshot to start from, or null */
  TimelineHarness(TimelineSettings settings, OperatorSubtaskState restored) throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new MediaTimelineFunction(settings)),
            d -> d.mediaId,
            u -> u.mediaId,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restored != null) {
      harness.initializeState(restored);
    }
    harness.open();
  }

  TimelineHarness detect(Detection... detections) throws Exception {
    for (Detection d : detections) {
      harness.processElement1(d, d.eventTime);
    }
    return this;
  }

  TimelineHarness update(MatchUpdate... updates) throws Exception {
    for (MatchUpdate u : updates) {
      harness.processElement2(u, u.eventTime);
    }
    return this;
  }

  TimelineHarness watermark(long time) throws Exception {
    harness.processBothWatermarks(new Watermark(time));
    return this;
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 1L);
  }

  List<MediaContext> contexts() {
    return harness.extractOutputValues();
  }

  List<DeadLetter> deadLetters() {
    return harness.getSideOutput(MediaTimelineFunction.DEAD_LETTERS) == null
        ? List.of()
        : harness.getSideOutput(MediaTimelineFunction.DEAD_LETTERS).stream()
            .map(StreamRecord::getValue)
            .collect(Collectors.toList());
  }

  // Not "throws Exception": a close that may throw InterruptedException trips -Xlint:try.
  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the harness failed", e);
    }
  }
}
