package io.cuepoint.schemas.records;

import java.util.Objects;

/** One thing seen in a frame. */
public class DetectionItem {
  public ItemKind kind;
  /** Label or celebrity name, or a catalog product id for {@code PRODUCT}. */
  public String name;
  /** 0 to 100. */
  public Double confidence;
  /** Optional. */
  public BoundingBox box;

  public DetectionItem() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DetectionItem)) {
      return false;
    }
    DetectionItem that = (DetectionItem) o;
    return Objects.equals(kind, that.kind)
        && Objects.equals(name, that.name)
        && Objects.equals(confidence, that.confidence)
        && Objects.equals(box, that.box);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, confidence, box);
  }

  @Override
  public String toString() {
    return "DetectionItem{"
        + "kind=" + kind
        + ", name=" + name
        + ", confidence=" + confidence
        + ", box=" + box
        + "}";
  }
}
