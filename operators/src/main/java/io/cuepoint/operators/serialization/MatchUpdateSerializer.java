package io.cuepoint.operators.serialization;

import io.cuepoint.operators.match.MatchUpdate;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link MatchUpdate} with its snapshot and events of interest. */
public final class MatchUpdateSerializer extends RecordSerializer<MatchUpdate> {
  private static final long serialVersionUID = 1L;
  public static final MatchUpdateSerializer INSTANCE = new MatchUpdateSerializer();

  private MatchUpdateSerializer() {
    super(1);
  }

  @Override
  public void serialize(MatchUpdate u, DataOutputView out) throws IOException {
    Fields.writeString(u.mediaId, out);
    Fields.writeLong(u.eventTime, out);
    Fields.writePart(u.snapshot, MatchSnapshotFormat.INSTANCE, out);
    Fields.writeParts(u.eventsOfInterest, EventOfInterestFormat.INSTANCE, out);
  }

  @Override
  public MatchUpdate deserialize(DataInputView in) throws IOException {
    MatchUpdate u = new MatchUpdate();
    u.mediaId = Fields.readString(in);
    u.eventTime = Fields.readLong(in);
    u.snapshot = Fields.readPart(MatchSnapshotFormat.INSTANCE, in);
    u.eventsOfInterest = Fields.readParts(EventOfInterestFormat.INSTANCE, in);
    return u;
  }

  @Override
  public MatchUpdate copy(MatchUpdate u) {
    MatchUpdate copy = new MatchUpdate();
    copy.mediaId = u.mediaId;
    copy.eventTime = u.eventTime;
    copy.snapshot = Fields.copyPart(u.snapshot, MatchSnapshotFormat.INSTANCE);
    copy.eventsOfInterest = Fields.copyParts(u.eventsOfInterest, EventOfInterestFormat.INSTANCE);
    return copy;
  }

  @Override
  public MatchUpdate createInstance() {
    return new MatchUpdate();
  }

  @Override
  public TypeSerializerSnapshot<MatchUpdate> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<MatchUpdate> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
