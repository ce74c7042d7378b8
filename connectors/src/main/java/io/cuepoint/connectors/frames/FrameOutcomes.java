package io.cuepoint.connectors.frames;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.codec.DeadLetters;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Passes frames on and turns each failed segment into a dead letter of the segments input. */
public class FrameOutcomes extends ProcessFunction<FrameOutcome, VideoFrame> {
  private static final long serialVersionUID = 1L;
  static final String INPUT = "segments";

  @Override
  public void processElement(FrameOutcome outcome, Context ctx, Collector<VideoFrame> out) {
    if (outcome.frame != null) {
      out.collect(outcome.frame);
      return;
    }
    FrameFailure failure = outcome.failure;
    ctx.output(
        DeadLetterTag.DEAD_LETTERS,
        DeadLetters.of(
            INPUT, "frames: " + failure.reason, failure.segment, System.currentTimeMillis()));
  }
}
