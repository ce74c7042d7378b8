package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.Team;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link MatchEvent} with its score and attributes. */
public final class MatchEventSerializer extends RecordSerializer<MatchEvent> {
  private static final long serialVersionUID = 1L;
  public static final MatchEventSerializer INSTANCE = new MatchEventSerializer();
  private static final MatchEventType[] TYPES = MatchEventType.values();
  private static final Team[] TEAMS = Team.values();

  private MatchEventSerializer() {
    super(1);
  }

  @Override
  public void serialize(MatchEvent e, DataOutputView out) throws IOException {
    Fields.writeString(e.mediaId, out);
    Fields.writeString(e.eventId, out);
    Fields.writeEnum(e.type, out);
    Fields.writeLong(e.eventTime, out);
    Fields.writeInt(e.matchMinute, out);
    Fields.writeEnum(e.team, out);
    Fields.writePart(e.score, ScoreFormat.INSTANCE, out);
    Fields.writeMap(e.attributes, out);
  }

  @Override
  public MatchEvent deserialize(DataInputView in) throws IOException {
    MatchEvent e = new MatchEvent();
    e.mediaId = Fields.readString(in);
    e.eventId = Fields.readString(in);
    e.type = Fields.readEnum(TYPES, in);
    e.eventTime = Fields.readLong(in);
    e.matchMinute = Fields.readInt(in);
    e.team = Fields.readEnum(TEAMS, in);
    e.score = Fields.readPart(ScoreFormat.INSTANCE, in);
    e.attributes = Fields.readMap(in);
    return e;
  }

  @Override
  public MatchEvent copy(MatchEvent e) {
    MatchEvent copy = new MatchEvent();
    copy.mediaId = e.mediaId;
    copy.eventId = e.eventId;
    copy.type = e.type;
    copy.eventTime = e.eventTime;
    copy.matchMinute = e.matchMinute;
    copy.team = e.team;
    copy.score = Fields.copyPart(e.score, ScoreFormat.INSTANCE);
    copy.attributes = Fields.copyMap(e.attributes);
    return copy;
  }

  @Override
  public MatchEvent createInstance() {
    return new MatchEvent();
  }

  @Override
  public TypeSerializerSnapshot<MatchEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<MatchEvent> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
