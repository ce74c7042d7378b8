package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ViewerEvent} with its profile. */
public final class ViewerEventSerializer extends RecordSerializer<ViewerEvent> {
  private static final long serialVersionUID = 1L;
  public static final ViewerEventSerializer INSTANCE = new ViewerEventSerializer();
  private static final ViewerEventType[] TYPES = ViewerEventType.values();
  private static final Interaction[] INTERACTIONS = Interaction.values();

  private ViewerEventSerializer() {
    super(1);
  }

  @Override
  public void serialize(ViewerEvent e, DataOutputView out) throws IOException {
    Fields.writeString(e.viewerId, out);
    Fields.writeString(e.mediaId, out);
    Fields.writeEnum(e.type, out);
    Fields.writeLong(e.eventTime, out);
    Fields.writeLong(e.positionMs, out);
    Fields.writeMap(e.profile, out);
    Fields.writeString(e.itemId, out);
    Fields.writeEnum(e.interaction, out);
  }

  @Override
  public ViewerEvent deserialize(DataInputView in) throws IOException {
    ViewerEvent e = new ViewerEvent();
    e.viewerId = Fields.readString(in);
    e.mediaId = Fields.readString(in);
    e.type = Fields.readEnum(TYPES, in);
    e.eventTime = Fields.readLong(in);
    e.positionMs = Fields.readLong(in);
    e.profile = Fields.readMap(in);
    e.itemId = Fields.readString(in);
    e.interaction = Fields.readEnum(INTERACTIONS, in);
    return e;
  }

  @Override
  public ViewerEvent copy(ViewerEvent e) {
    ViewerEvent copy = new ViewerEvent();
    copy.viewerId = e.viewerId;
    copy.mediaId = e.mediaId;
    copy.type = e.type;
    copy.eventTime = e.eventTime;
    copy.positionMs = e.positionMs;
    copy.profile = Fields.copyMap(e.profile);
    copy.itemId = e.itemId;
    copy.interaction = e.interaction;
    return copy;
  }

  @Override
  public ViewerEvent createInstance() {
    return new ViewerEvent();
  }

  @Override
  public TypeSerializerSnapshot<ViewerEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<ViewerEvent> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
