package io.cuepoint.connectors.kinesis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/**
 * The partition key of an output record: one top-level text field of its JSON (e.g. {@code
 * mediaId}), so that all records of one media (or viewer) land on one shard, in order. Only the
 * top level is scanned, with a streaming parser; nested objects are skipped, not decoded. A record
 * without the field gets a key from its content's hash, spread evenly over the shards.
 */
public class JsonFieldPartitionKey implements PartitionKeyGenerator<String> {
  private static final long serialVersionUID = 1L;
  /** Kinesis allows partition keys of 1 to 256 characters. */
  static final int MAX_KEY_CHARS = 256;

  private static final JsonFactory JSON = new JsonFactory();

  private final String field;

  public JsonFieldPartitionKey(String field) {
    this.field = field;
  }

  @Override
  public String apply(String json) {
    String value = topLevelText(json);
    if (value == null || value.isEmpty()) {
      return "h" + Integer.toHexString(json.hashCode());
    }
    return value.length() <= MAX_KEY_CHARS ? value : value.substring(0, MAX_KEY_CHARS);
  }

  private String topLevelText(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(field)) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
