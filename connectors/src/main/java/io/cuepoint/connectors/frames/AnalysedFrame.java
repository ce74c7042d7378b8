package io.cuepoint.connectors.frames;

/** The last frame of a media that was sent for analysis: what later frames are compared with. */
public class AnalysedFrame {
  public long dHash;
  public long positionMs;
  public long eventTime;

  public AnalysedFrame() {}

  static AnalysedFrame of(VideoFrame frame) {
    AnalysedFrame analysed = new AnalysedFrame();
    analysed.dHash = frame.dHash;
    analysed.positionMs = frame.positionMs;
    analysed.eventTime = frame.eventTime;
    return analysed;
  }
}
