package io.cuepoint.operators.serialization;

import io.cuepoint.operators.viewer.LiveUpdate;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link LiveUpdate}: a null product list (an update from the match) stays null. */
public final class LiveUpdateSerializer extends RecordSerializer<LiveUpdate> {
  private static final long serialVersionUID = 1L;
  public static final LiveUpdateSerializer INSTANCE = new LiveUpdateSerializer();

  private LiveUpdateSerializer() {
    super(1);
  }

  @Override
  public void serialize(LiveUpdate u, DataOutputView out) throws IOException {
    Fields.writeString(u.mediaId, out);
    Fields.writeLong(u.eventTime, out);
    Fields.writePart(u.match, MatchSnapshotFormat.INSTANCE, out);
    Fields.writeParts(u.eventsOfInterest, EventOfInterestFormat.INSTANCE, out);
    Fields.writeStrings(u.products, out);
    Fields.writeStrings(u.labels, out);
  }

  @Override
  public LiveUpdate deserialize(DataInputView in) throws IOException {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = Fields.readString(in);
    u.eventTime = Fields.readLong(in);
    u.match = Fields.readPart(MatchSnapshotFormat.INSTANCE, in);
    u.eventsOfInterest = Fields.readParts(EventOfInterestFormat.INSTANCE, in);
    u.products = Fields.readStrings(in);
    u.labels = Fields.readStrings(in);
    return u;
  }

  @Override
  public LiveUpdate copy(LiveUpdate u) {
    LiveUpdate copy = new LiveUpdate();
    copy.mediaId = u.mediaId;
    copy.eventTime = u.eventTime;
    copy.match = Fields.copyPart(u.match, MatchSnapshotFormat.INSTANCE);
    copy.eventsOfInterest = Fields.copyParts(u.eventsOfInterest, EventOfInterestFormat.INSTANCE);
    copy.products = Fields.copyStrings(u.products);
    copy.labels = Fields.copyStrings(u.labels);
    return copy;
  }

  @Override
  public LiveUpdate createInstance() {
    return new LiveUpdate();
  }

  @Override
  public TypeSerializerSnapshot<LiveUpdate> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<LiveUpdate> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
