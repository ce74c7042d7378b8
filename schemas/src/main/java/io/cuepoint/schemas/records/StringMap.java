package io.cuepoint.schemas.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small map of text to text (attributes, profiles, ranking context), kept as two sorted arrays.
 * Flink 1.20 serializes {@code java.util.Map} fields with Kryo; this class keeps every record on
 * the POJO serializer, and its sorted keys make the JSON the same bytes every time. In JSON it is
 * a plain object of strings.
 */
@JsonSerialize(using = StringMap.Writer.class)
@JsonDeserialize(using = StringMap.Reader.class)
public class StringMap {
  /** Sorted, distinct. */
  public String[] keys = new String[0];
  /** Same length and order as {@link #keys}. */
  public String[] values = new String[0];

  public StringMap() {}

  public static StringMap of(Map<String, String> entries) {
    TreeMap<String, String> sorted = new TreeMap<>(entries);
    StringMap m = new StringMap();
    m.keys = sorted.keySet().toArray(new String[0]);
    m.values = sorted.values().toArray(new String[0]);
    return m;
  }

  public static StringMap of(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    TreeMap<String, String> entries = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      entries.put(keyValues[i], keyValues[i + 1]);
    }
    return of(entries);
  }

  public String get(String key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? values[i] : null;
  }

  public int size() {
    return keys.length;
  }

  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StringMap)) {
      return false;
    }
    StringMap that = (StringMap) o;
    return Arrays.equals(keys, that.keys) && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toMap().toString();
  }

  /** Writes the map as a JSON object. */
  public static final class Writer extends JsonSerializer<StringMap> {
    @Override
    public void serialize(StringMap map, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      for (int i = 0; i < map.keys.length; i++) {
        gen.writeStringField(map.keys[i], map.values[i]);
      }
      gen.writeEndObject();
    }
  }

  /** Reads a JSON object whose values are strings, numbers or booleans (kept as their text). */
  public static final class Reader extends JsonDeserializer<StringMap> {
    @Override
    public StringMap deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (StringMap) ctx.handleUnexpectedToken(StringMap.class, p);
      }
      TreeMap<String, String> entries = new TreeMap<>();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
          return (StringMap)
              ctx.reportInputMismatch(
                  StringMap.class, "value of '%s' must be a string, number or boolean", key);
        }
        entries.put(key, p.getText());
      }
      return of(entries);
    }
  }
}
