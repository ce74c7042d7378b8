package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Detection;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link Detection} with its items and their boxes. */
public final class DetectionSerializer extends RecordSerializer<Detection> {
  private static final long serialVersionUID = 1L;
  public static final DetectionSerializer INSTANCE = new DetectionSerializer();

  private DetectionSerializer() {
    super(1);
  }

  @Override
  public void serialize(Detection d, DataOutputView out) throws IOException {
    Fields.writeString(d.mediaId, out);
    Fields.writeLong(d.positionMs, out);
    Fields.writeLong(d.eventTime, out);
    Fields.writeString(d.source, out);
    Fields.writeParts(d.items, DetectionItemFormat.INSTANCE, out);
  }

  @Override
  public Detection deserialize(DataInputView in) throws IOException {
    Detection d = new Detection();
    d.mediaId = Fields.readString(in);
    d.positionMs = Fields.readLong(in);
    d.eventTime = Fields.readLong(in);
    d.source = Fields.readString(in);
    d.items = Fields.readParts(DetectionItemFormat.INSTANCE, in);
    return d;
  }

  @Override
  public Detection copy(Detection d) {
    Detection copy = new Detection();
    copy.mediaId = d.mediaId;
    copy.positionMs = d.positionMs;
    copy.eventTime = d.eventTime;
    copy.source = d.source;
    copy.items = Fields.copyParts(d.items, DetectionItemFormat.INSTANCE);
    return copy;
  }

  @Override
  public Detection createInstance() {
    return new Detection();
  }

  @Override
  public TypeSerializerSnapshot<Detection> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<Detection> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
