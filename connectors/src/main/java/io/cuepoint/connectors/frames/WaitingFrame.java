package io.cuepoint.connectors.frames;

/** A skipped frame waiting for the detections of the frame it inherits from. */
public class WaitingFrame {
  public VideoFrame frame;
  /** Sources whose detections were already carried to this frame. */
  public String[] carriedSources = new String[0];
  /** Whether the analysed frame's outcome (even one with nothing found) has arrived. */
  public boolean resolved;

  public WaitingFrame() {}
}
