package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class EventOfInterestFormat implements PartFormat<EventOfInterest> {
  static final EventOfInterestFormat INSTANCE = new EventOfInterestFormat();
  private static final EventOfInterestType[] TYPES = EventOfInterestType.values();

  private EventOfInterestFormat() {}

  @Override
  public void write(EventOfInterest event, DataOutputView out) throws IOException {
    Fields.writeString(event.id, out);
    Fields.writeString(event.mediaId, out);
    Fields.writeEnum(event.type, out);
    Fields.writeLong(event.eventTime, out);
    Fields.writeInt(event.matchMinute, out);
    Fields.writeStrings(event.evidence, out);
    Fields.writeMap(event.attributes, out);
  }

  @Override
  public EventOfInterest read(DataInputView in) throws IOException {
    EventOfInterest event = new EventOfInterest();
    event.id = Fields.readString(in);
    event.mediaId = Fields.readString(in);
    event.type = Fields.readEnum(TYPES, in);
    event.eventTime = Fields.readLong(in);
    event.matchMinute = Fields.readInt(in);
    event.evidence = Fields.readStrings(in);
    event.attributes = Fields.readMap(in);
    return event;
  }

  @Override
  public EventOfInterest copy(EventOfInterest event) {
    EventOfInterest copy = new EventOfInterest();
    copy.id = event.id;
    copy.mediaId = event.mediaId;
    copy.type = event.type;
    copy.eventTime = event.eventTime;
    copy.matchMinute = event.matchMinute;
    copy.evidence = Fields.copyStrings(event.evidence);
    copy.attributes = Fields.copyMap(event.attributes);
    return copy;
  }

  @Override
  public EventOfInterest[] newArray(int length) {
    return new EventOfInterest[length];
  }
}
