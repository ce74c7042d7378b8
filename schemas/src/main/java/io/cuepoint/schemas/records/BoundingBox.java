package io.cuepoint.schemas.records;

import java.util.Objects;

/** Where an item is in a frame, as fractions of the frame's width and height. */
public class BoundingBox {
  public Double left;
  public Double top;
  public Double width;
  public Double height;

  public BoundingBox() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BoundingBox)) {
      return false;
    }
    BoundingBox that = (BoundingBox) o;
    return Objects.equals(left, that.left)
        && Objects.equals(top, that.top)
        && Objects.equals(width, that.width)
        && Objects.equals(height, that.height);
  }

  @Override
  public int hashCode() {
    return Objects.hash(left, top, width, height);
  }

  @Override
  public String toString() {
    return "BoundingBox{"
        + "left=" + left
        + ", top=" + top
        + ", width=" + width
        + ", height=" + height
        + "}";
  }
}
