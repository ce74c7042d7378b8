package io.cuepoint.connectors.kinesis;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** An output record's JSON text as the Kinesis record's data. */
public class Utf8Records implements SerializationSchema<String> {
  private static final long serialVersionUID = 1L;

  @Override
  public byte[] serialize(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
