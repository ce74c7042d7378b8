package io.cuepoint.connectors.frames;

/** A segment that gave no frames: why, and the segment record as JSON, for its dead letter. */
public class FrameFailure {
  public String mediaId;
  public String segmentUrl;
  public String reason;
  /** The segment record as JSON. */
  public String segment;

  public FrameFailure() {}
}
