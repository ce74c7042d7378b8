package io.cuepoint.operators.overlay;

import java.util.Arrays;

/** The frames of one event time, kept in state until the watermark passes it. */
public class FrameBatch {
  public ProductFrame[] frames = new ProductFrame[0];

  public FrameBatch() {}

  FrameBatch with(ProductFrame frame) {
    FrameBatch b = new FrameBatch();
    b.frames = Arrays.copyOf(frames, frames.length + 1);
    b.frames[frames.length] = frame;
    return b;
  }
}
