package io.cuepoint.connectors.personalize;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Events still buffered at a checkpoint, so none is lost on a restart. */
final class FeedbackEventSerializer extends AsyncSinkWriterStateSerializer<FeedbackEvent> {
  @Override
  protected void serializeRequestToStream(FeedbackEvent e, DataOutputStream out) throws IOException {
    out.writeUTF(e.userId);
    out.writeUTF(e.sessionId);
    out.writeUTF(e.eventId);
    out.writeUTF(e.eventType);
    out.writeUTF(e.itemId);
    out.writeLong(e.sentAtMs);
    out.writeUTF(e.properties);
    out.writeInt(e.attempts);
  }

  @Override
  protected FeedbackEvent deserializeRequestFromStream(long size, DataInputStream in) throws IOException {
    return new FeedbackEvent(
        in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(), in.readInt());
  }

  @Override
  public int getVersion() {
    return 1;
  }
}
