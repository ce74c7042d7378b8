package io.cuepoint.connectors.frames;

/**
 * What the decoder emits: a sampled frame, or the failure of a whole segment (exactly one of the
 * two is set). {@link FrameOutcomes} turns failures into dead letters.
 */
public class FrameOutcome {
  public VideoFrame frame;
  public FrameFailure failure;

  public FrameOutcome() {}

  static FrameOutcome of(VideoFrame frame) {
    FrameOutcome outcome = new FrameOutcome();
    outcome.frame = frame;
    return outcome;
  }

  static FrameOutcome of(FrameFailure failure) {
    FrameOutcome outcome = new FrameOutcome();
    outcome.failure = failure;
    return outcome;
  }
}
