package io.cuepoint.schemas.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cuepoint.schemas.records.Detection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON form of every record: camelCase fields, absent optional fields left out, map keys sorted
 * so that the same record always has the same bytes. Reading is strict about types (no "12" for a
 * number, no 1.5 for an integer, nothing after the object) and lenient about unknown fields, which
 * the contract allows producers to add.
 */
public final class RecordCodec {
  /** Longest record accepted, in characters: well above any real record, far below a 1 MB line. */
  public static final int MAX_RECORD_CHARS = 256 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // Enums by name only: by default Jackson reads 1 as the second constant.
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          // Same doubles as Double.parseDouble (correctly rounded), several times cheaper to read.
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  static {
    // A number where text belongs ("mediaId": 12) is a producer bug worth a dead letter.
    MAPPER
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(MAX_RECORD_CHARS)
                .maxNumberLength(64)
                .build());
  }

  private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

  private RecordCodec() {}

  /** Reads one record; every failure is a {@link RecordException} whose message names the field. */
  public static <T> T decode(String json, Class<T> type) throws RecordException {
    if (json == null || json.isBlank()) {
      throw new RecordException("empty record");
    }
    if (json.length() > MAX_RECORD_CHARS) {
      throw new RecordException(
          "record too large: " + json.length() + " characters (limit " + MAX_RECORD_CHARS + ")");
    }
    if (type == Detection.class) {
      Detection plain = DetectionReader.read(json);
      if (plain != null) {
        return type.cast(plain);
      }
    }
    try {
      T record = reader(type).readValue(json);
      if (record == null) {
        throw new RecordException("record is JSON null, expected an object");
      }
      return record;
    } catch (JsonParseException e) {
      throw new RecordException("not valid JSON: " + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      String path = fieldPath(e);
      throw new RecordException(
          (path.isEmpty() ? "wrong shape: " : "wrong value for '" + path + "': ")
              + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new RecordException("unreadable record: " + e.getMessage());
    }
  }

  /** Writes one record as a single line of JSON. */
  public static String encode(Object record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a record type cannot be written as JSON: " + record, e);
    }
  }

  /** The shared mapper, for code that reads reference data (catalogs, configuration). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectReader reader(Class<?> type) {
    return READERS.computeIfAbsent(type, MAPPER::readerFor);
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
