package io.cuepoint.connectors.kinesis;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A Kinesis record's data as text, exactly as it came. It never throws: decoding and validation
 * happen in the job, where a bad record becomes a dead letter instead of failing the source.
 * Bytes that are not UTF-8 become U+FFFD replacement characters rather than an exception.
 */
public class RawRecords implements DeserializationSchema<String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String deserialize(byte[] message) {
    return message == null ? "" : new String(message, StandardCharsets.UTF_8);
  }

  @Override
  public boolean isEndOfStream(String nextElement) {
    return false;
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
