package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Segment;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link Segment}. */
public final class SegmentSerializer extends RecordSerializer<Segment> {
  private static final long serialVersionUID = 1L;
  public static final SegmentSerializer INSTANCE = new SegmentSerializer();

  private SegmentSerializer() {
    super(1);
  }

  @Override
  public void serialize(Segment s, DataOutputView out) throws IOException {
    Fields.writeString(s.mediaId, out);
    Fields.writeString(s.channelArn, out);
    Fields.writeString(s.segmentUrl, out);
    Fields.writeLong(s.sequence, out);
    Fields.writeLong(s.durationMs, out);
    Fields.writeLong(s.positionMs, out);
    Fields.writeLong(s.eventTime, out);
  }

  @Override
  public Segment deserialize(DataInputView in) throws IOException {
    Segment s = new Segment();
    s.mediaId = Fields.readString(in);
    s.channelArn = Fields.readString(in);
    s.segmentUrl = Fields.readString(in);
    s.sequence = Fields.readLong(in);
    s.durationMs = Fields.readLong(in);
    s.positionMs = Fields.readLong(in);
    s.eventTime = Fields.readLong(in);
    return s;
  }

  @Override
  public Segment copy(Segment s) {
    Segment copy = new Segment();
    copy.mediaId = s.mediaId;
    copy.channelArn = s.channelArn;
    copy.segmentUrl = s.segmentUrl;
    copy.sequence = s.sequence;
    copy.durationMs = s.durationMs;
    copy.positionMs = s.positionMs;
    copy.eventTime = s.eventTime;
    return copy;
  }

  @Override
  public Segment createInstance() {
    return new Segment();
  }

  @Override
  public TypeSerializerSnapshot<Segment> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<Segment> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
