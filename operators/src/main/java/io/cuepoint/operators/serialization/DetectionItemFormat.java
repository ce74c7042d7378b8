package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class DetectionItemFormat implements PartFormat<DetectionItem> {
  static final DetectionItemFormat INSTANCE = new DetectionItemFormat();
  private static final ItemKind[] KINDS = ItemKind.values();

  private DetectionItemFormat() {}

  @Override
  public void write(DetectionItem item, DataOutputView out) throws IOException {
    Fields.writeEnum(item.kind, out);
    Fields.writeString(item.name, out);
    Fields.writeDouble(item.confidence, out);
    Fields.writePart(item.box, BoundingBoxFormat.INSTANCE, out);
  }

  @Override
  public DetectionItem read(DataInputView in) throws IOException {
    DetectionItem item = new DetectionItem();
    item.kind = Fields.readEnum(KINDS, in);
    item.name = Fields.readString(in);
    item.confidence = Fields.readDouble(in);
    item.box = Fields.readPart(BoundingBoxFormat.INSTANCE, in);
    return item;
  }

  @Override
  public DetectionItem copy(DetectionItem item) {
    DetectionItem copy = new DetectionItem();
    copy.kind = item.kind;
    copy.name = item.name;
    copy.confidence = item.confidence;
    copy.box = Fields.copyPart(item.box, BoundingBoxFormat.INSTANCE);
    return copy;
  }

  @Override
  public DetectionItem[] newArray(int length) {
    return new DetectionItem[length];
  }
}
