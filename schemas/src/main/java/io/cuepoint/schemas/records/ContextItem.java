package io.cuepoint.schemas.records;

import java.util.Objects;

/** A label, celebrity or product seen in a timeline window. */
public class ContextItem {
  public String name;
  /** Best confidence in the window. */
  public Double confidence;
  /** Frames of the window it was seen in. */
  public Integer frames;

  public ContextItem() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ContextItem)) {
      return false;
    }
    ContextItem that = (ContextItem) o;
    return Objects.equals(name, that.name)
        && Objects.equals(confidence, that.confidence)
        && Objects.equals(frames, that.frames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, confidence, frames);
  }

  @Override
  public String toString() {
    return "ContextItem{"
        + "name=" + name
        + ", confidence=" + confidence
        + ", frames=" + frames
        + "}";
  }
}
