package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.BoundingBox;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class BoundingBoxFormat implements PartFormat<BoundingBox> {
  static final BoundingBoxFormat INSTANCE = new BoundingBoxFormat();

  private BoundingBoxFormat() {}

  @Override
  public void write(BoundingBox box, DataOutputView out) throws IOException {
    Fields.writeDouble(box.left, out);
    Fields.writeDouble(box.top, out);
    Fields.writeDouble(box.width, out);
    Fields.writeDouble(box.height, out);
  }

  @Override
  public BoundingBox read(DataInputView in) throws IOException {
    BoundingBox box = new BoundingBox();
    box.left = Fields.readDouble(in);
    box.top = Fields.readDouble(in);
    box.width = Fields.readDouble(in);
    box.height = Fields.readDouble(in);
    return box;
  }

  @Override
  public BoundingBox copy(BoundingBox box) {
    BoundingBox copy = new BoundingBox();
    copy.left = box.left;
    copy.top = box.top;
    copy.width = box.width;
    copy.height = box.height;
    return copy;
  }

  @Override
  public BoundingBox[] newArray(int length) {
    return new BoundingBox[length];
  }
}
