package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class MatchSnapshotFormat implements PartFormat<MatchSnapshot> {
  static final MatchSnapshotFormat INSTANCE = new MatchSnapshotFormat();
  private static final MatchPhase[] PHASES = MatchPhase.values();
  private static final MatchEventType[] EVENT_TYPES = MatchEventType.values();

  private MatchSnapshotFormat() {}

  @Override
  public void write(MatchSnapshot snapshot, DataOutputView out) throws IOException {
    Fields.writeInt(snapshot.minute, out);
    Fields.writeInt(snapshot.home, out);
    Fields.writeInt(snapshot.away, out);
    Fields.writeEnum(snapshot.phase, out);
    Fields.writeEnum(snapshot.lastEvent, out);
  }

  @Override
  public MatchSnapshot read(DataInputView in) throws IOException {
    MatchSnapshot snapshot = new MatchSnapshot();
    snapshot.minute = Fields.readInt(in);
    snapshot.home = Fields.readInt(in);
    snapshot.away = Fields.readInt(in);
    snapshot.phase = Fields.readEnum(PHASES, in);
    snapshot.lastEvent = Fields.readEnum(EVENT_TYPES, in);
    return snapshot;
  }

  @Override
  public MatchSnapshot copy(MatchSnapshot snapshot) {
    MatchSnapshot copy = new MatchSnapshot();
    copy.minute = snapshot.minute;
    copy.home = snapshot.home;
    copy.away = snapshot.away;
    copy.phase = snapshot.phase;
    copy.lastEvent = snapshot.lastEvent;
    return copy;
  }

  @Override
  public MatchSnapshot[] newArray(int length) {
    return new MatchSnapshot[length];
  }
}
