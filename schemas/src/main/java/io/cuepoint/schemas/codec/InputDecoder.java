package io.cuepoint.schemas.codec;

import io.cuepoint.schemas.StreamName;
import java.io.Serializable;

/** Turns one raw input record into a valid record of its stream, or says why it cannot. */
public final class InputDecoder<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StreamName stream;
  private final Class<T> type;

  private InputDecoder(StreamName stream, Class<T> type) {
    this.stream = stream;
    this.type = type;
  }

  public static <T> InputDecoder<T> forStream(StreamName stream, Class<T> type) {
    if (!stream.isInput() || !stream.recordType().equals(type)) {
      throw new IllegalArgumentException(stream.id() + " is not an input of type " + type);
    }
    return new InputDecoder<>(stream, type);
  }

  public StreamName stream() {
    return stream;
  }

  public Class<T> type() {
    return type;
  }

  public T decode(String raw) throws RecordException {
    T record = RecordCodec.decode(raw, type);
    RecordValidation.validate(record);
    return record;
  }
}
