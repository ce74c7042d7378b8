package io.cuepoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.schemas.codec.InputDecoder;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.StringMap;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON Schema files and the record classes describe the same contract: same field names at
 * every level, same types and enum constants, and (for inputs) the same verdict as the codec and
 * {@link RecordValidation} on valid and broken records.
 */
class JsonSchemaContractTest {

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void schemaExistsAndDescribesTheStream(StreamName stream) {
    JsonNode schema = MiniSchemaValidator.load(stream);

    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText())
        .isEqualTo("https://cuepoint.io/schemas/" + stream.id() + ".schema.json");
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText())
        .isNotBlank()
        .startsWith(stream.isInput() ? "Input:" : "Output:");
    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("additionalProperties").isBoolean()
            && schema.path("additionalProperties").booleanValue())
        .as("new fields are allowed")
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void fixtureIsFullyPopulated(StreamName stream) {
    Object record = Fixtures.full(stream);
    assertThat(record).isInstanceOf(stream.recordType());
    assertThat(Fixtures.unsetFields(record))
        .as("fields of %s the fixture leaves unset: set them in Fixtures", stream.recordType())
        .isEmpty();
  }

  /** Every object the codec writes has exactly the properties its schema names, at every level. */
  @ParameterizedTest
  @EnumSource(StreamName.class)
  void schemaPropertiesAreExactlyTheFieldsWritten(StreamName stream) {
    JsonNode schema = MiniSchemaValidator.load(stream);
    MiniSchemaValidator validator = new MiniSchemaValidator(schema);
    JsonNode written = MiniSchemaValidator.parse(RecordCodec.encode(Fixtures.full(stream)));

    List<String> problems = new ArrayList<>();
    compareNames(validator, schema, written, stream.id(), problems);
    assertThat(problems).isEmpty();
  }

  private static void compareNames(
      MiniSchemaValidator validator, JsonNode schema, JsonNode value, String at, List<String> out) {
    schema = validator.resolve(schema);
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        compareNames(validator, schema.path("items"), value.get(i), at + "[" + i + "]", out);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    if (!schema.has("properties")) {
      // A StringMap: an open object of values, no fixed names.
      if (!schema.path("additionalProperties").isObject()) {
        out.add(at + ": an object in the JSON, neither properties nor a map in the schema");
      }
      return;
    }
    Set<String> written = new TreeSet<>();
    value.fieldNames().forEachRemaining(written::add);
    Set<String> declared = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(declared::add);
    if (!written.equals(declared)) {
      out.add(at + ": written " + written + " but schema declares " + declared);
    }
    for (JsonNode required : schema.path("required")) {
      if (!declared.contains(required.asText())) {
        out.add(at + ": requires undeclared property " + required.asText());
      }
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      JsonNode property = schema.get("properties").get(name);
      if (property != null) {
        compareNames(validator, property, value.get(name), at + "." + name, out);
      }
    }
  }

  /** Field by field, the schema's types and enums are those of the Java classes. */
  @ParameterizedTest
  @EnumSource(StreamName.class)
  void schemaTypesAndEnumsMatchTheClasses(StreamName stream) {
    JsonNode schema = MiniSchemaValidator.load(stream);
    List<String> problems = new ArrayList<>();
    compareClass(new MiniSchemaValidator(schema), schema, stream.recordType(), stream.id(), problems);
    assertThat(problems).isEmpty();
  }

  private static void compareClass(
      MiniSchemaValidator validator, JsonNode schema, Class<?> type, String at, List<String> out) {
    JsonNode properties = validator.resolve(schema).path("properties");
    Set<String> fields = new LinkedHashSet<>();
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      fields.add(f.getName());
      JsonNode property = properties.get(f.getName());
      if (property == null) {
        out.add(at + "." + f.getName() + ": not in the schema");
        continue;
      }
      if (!property.path("description").isTextual()
          || property.path("description").asText().isBlank()) {
        out.add(at + "." + f.getName() + ": no description");
      }
      compareType(validator, property, f.getType(), at + "." + f.getName(), out);
    }
    properties.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        out.add(at + "." + name + ": in the schema, not a field of " + type.getSimpleName());
      }
    });
  }

  private static void compareType(
      MiniSchemaValidator validator, JsonNode property, Class<?> type, String at, List<String> out) {
    String expected;
    if (type == String.class || type.isEnum()) {
      expected = "string";
    } else if (type == Long.class || type == Integer.class) {
      expected = "integer";
    } else if (type == Double.class) {
      expected = "number";
    } else if (type == Boolean.class) {
      expected = "boolean";
    } else if (type.isArray()) {
      expected = "array";
    } else {
      expected = "object";
    }
    JsonNode resolved = validator.resolve(property);
    String actual = property.has("type") ? property.get("type").asText() : resolved.path("type").asText();
    if (!expected.equals(actual)) {
      out.add(at + ": type " + actual + " in the schema, " + type.getSimpleName() + " in Java");
      return;
    }
    if (type.isEnum()) {
      List<String> constants = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        constants.add(((Enum<?>) c).name());
      }
      List<String> listed = new ArrayList<>();
      resolved.path("enum").forEach(v -> listed.add(v.asText()));
      if (!constants.equals(listed)) {
        out.add(at + ": enum " + listed + " in the schema, " + constants + " in Java");
      }
    } else if (type.isArray()) {
      compareType(validator, property.path("items"), type.getComponentType(), at + "[]", out);
    } else if (type == StringMap.class) {
      if (!resolved.path("additionalProperties").isObject() || resolved.has("properties")) {
        out.add(at + ": a StringMap is an object of values (additionalProperties), no properties");
      }
    } else if (Fixtures.isRecordClass(type)) {
      compareClass(validator, resolved, type, at, out);
    }
  }

  @ParameterizedTest
  @EnumSource(StreamName.class)
  @SuppressWarnings("unchecked")
  void fullyPopulatedRecordValidatesAgainstItsSchema(StreamName stream) throws Exception {
    Object record = Fixtures.full(stream);
    String json = RecordCodec.encode(record);
    MiniSchemaValidator validator = new MiniSchemaValidator(MiniSchemaValidator.load(stream));

    assertThat(validator.validate(MiniSchemaValidator.parse(json))).isEmpty();
    if (stream.isInput()) {
      assertThatCode(() -> RecordValidation.validate(record)).doesNotThrowAnyException();
      assertThat(InputDecoder.forStream(stream, (Class<Object>) stream.recordType()).decode(json))
          .isEqualTo(record);
    }
  }

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void requiredFieldsAreRequired(StreamName stream) {
    JsonNode schema = MiniSchemaValidator.load(stream);
    MiniSchemaValidator validator = new MiniSchemaValidator(schema);
    assertThat(schema.path("required").size()).isPositive();
    for (JsonNode name : schema.path("required")) {
      ObjectNode json = fixtureJson(stream);
      json.remove(name.asText());
      assertThat(validator.validate(json)).as("without %s", name).isNotEmpty();
      if (stream.isInput()) {
        assertThat(decodeError(stream, json.toString()))
            .as("without %s", name)
            .contains(name.asText());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void optionalFieldsMayBeLeftOut(StreamName stream) throws Exception {
    JsonNode schema = MiniSchemaValidator.load(stream);
    MiniSchemaValidator validator = new MiniSchemaValidator(schema);
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    ObjectNode json = fixtureJson(stream);
    if (stream == StreamName.VIEWER_EVENTS) {
      json.put("type", "HEARTBEAT"); // interaction and itemId are required for INTERACTION only
    }
    schema.path("properties").fieldNames().forEachRemaining(name -> {
      if (!required.contains(name)) {
        json.remove(name);
      }
    });
    assertThat(validator.validate(json)).isEmpty();
    if (stream.isInput()) {
      assertThat(decodeError(stream, json.toString())).isNull();
    }
  }

  /**
   * Records the codec and RecordValidation accept are exactly those the schema accepts, over a set
   * of valid edge cases and of broken records.
   */
  @ParameterizedTest
  @EnumSource(value = StreamName.class, names = {"SEGMENTS", "DETECTIONS", "MATCH_EVENTS", "VIEWER_EVENTS"})
  void schemaAndValidationAgree(StreamName stream) {
    MiniSchemaValidator validator = new MiniSchemaValidator(MiniSchemaValidator.load(stream));
    List<Case> cases = new ArrayList<>(COMMON_CASES);
    cases.addAll(casesFor(stream));
    int rejected = 0;
    for (Case c : cases) {
      ObjectNode json = fixtureJson(stream);
      c.edit.accept(json);
      List<String> schemaErrors = validator.validate(json);
      String codecError = decodeError(stream, json.toString());
      assertThat(schemaErrors.isEmpty())
          .as("%s: %s schema says %s, codec says %s", stream, c.name, schemaErrors, codecError)
          .isEqualTo(codecError == null)
          .isEqualTo(c.valid);
      if (!c.valid) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(5);
  }

  private static final class Case {
    final String name;
    final boolean valid;
    final Consumer<ObjectNode> edit;

    Case(String name, boolean valid, Consumer<ObjectNode> edit) {
      this.name = name;
      this.valid = valid;
      this.edit = edit;
    }
  }

  private static Case ok(String name, Consumer<ObjectNode> edit) {
    return new Case(name, true, edit);
  }

  private static Case bad(String name, Consumer<ObjectNode> edit) {
    return new Case(name, false, edit);
  }

  private static final String LONG_ID = "x".repeat(RecordValidation.MAX_ID_LENGTH);

  private static final List<Case> COMMON_CASES =
      List.of(
          ok("as is", j -> {}),
          ok("an unknown field", j -> j.putObject("addedLater").put("x", 1)),
          ok("earliest eventTime", j -> j.put("eventTime", RecordValidation.MIN_EVENT_TIME)),
          ok("latest eventTime", j -> j.put("eventTime", RecordValidation.MAX_EVENT_TIME - 1)),
          ok("longest mediaId", j -> j.put("mediaId", LONG_ID)),
          bad("mediaId too long", j -> j.put("mediaId", LONG_ID + "x")),
          bad("empty mediaId", j -> j.put("mediaId", "")),
          bad("blank mediaId", j -> j.put("mediaId", "   ")),
          bad("mediaId with a newline", j -> j.put("mediaId", "match\n42")),
          bad("mediaId with NUL", j -> j.put("mediaId", "match\u000042")),
          bad("mediaId with a C1 control", j -> j.put("mediaId", "match\u008542")),
          bad("mediaId null", j -> j.putNull("mediaId")),
          bad("mediaId an object", j -> j.putObject("mediaId")),
          bad("eventTime in seconds", j -> j.put("eventTime", 1_700_000_000L)),
          bad("eventTime before 2000", j -> j.put("eventTime", RecordValidation.MIN_EVENT_TIME - 1)),
          bad("eventTime 2100", j -> j.put("eventTime", RecordValidation.MAX_EVENT_TIME)),
          bad("eventTime negative", j -> j.put("eventTime", -1L)),
          bad("eventTime a string", j -> j.put("eventTime", "1718000000000")),
          bad("eventTime a fraction", j -> j.put("eventTime", 1718000000000.5)),
          bad("eventTime null", j -> j.putNull("eventTime")));

  private static List<Case> casesFor(StreamName stream) {
    long maxPosition = RecordValidation.MAX_POSITION_MS;
    switch (stream) {
      case SEGMENTS:
        return List.of(
            ok("position 0", j -> j.put("positionMs", 0)),
            ok("longest position", j -> j.put("positionMs", maxPosition)),
            ok("sequence 0", j -> j.put("sequence", 0)),
            ok("shortest segment", j -> j.put("durationMs", 1)),
            ok("longest segment", j -> j.put("durationMs", RecordValidation.MAX_SEGMENT_DURATION_MS)),
            ok("GovCloud channel", j -> j.put("channelArn",
                "arn:aws-us-gov:ivs:us-gov-west-1:123456789012:channel/Ab12")),
            ok("longest URL", j -> j.put("segmentUrl", "h".repeat(RecordValidation.MAX_URL_LENGTH))),
            bad("negative position", j -> j.put("positionMs", -1)),
            bad("position beyond 31 days", j -> j.put("positionMs", maxPosition + 1)),
            bad("negative sequence", j -> j.put("sequence", -1)),
            bad("zero duration", j -> j.put("durationMs", 0)),
            bad("segment too long", j -> j.put("durationMs", RecordValidation.MAX_SEGMENT_DURATION_MS + 1)),
            bad("not an ARN", j -> j.put("channelArn", "my-channel")),
            bad("ARN of another service", j -> j.put("channelArn",
                "arn:aws:kinesis:eu-west-1:123456789012:stream/abc")),
            bad("short account", j -> j.put("channelArn", "arn:aws:ivs:eu-west-1:1234:channel/Ab12")),
            bad("empty ARN", j -> j.put("channelArn", "")),
            bad("URL too long", j -> j.put("segmentUrl", "h".repeat(RecordValidation.MAX_URL_LENGTH + 1))),
            bad("blank URL", j -> j.put("segmentUrl", " ")));
      case DETECTIONS:
        return List.of(
            ok("no items", j -> j.putArray("items")),
            ok("item without box", j -> item(j).remove("box")),
            ok("confidence 0", j -> item(j).put("confidence", 0)),
            ok("confidence 100", j -> item(j).put("confidence", 100)),
            ok("whole frame", j -> box(j).put("left", 0).put("top", 0).put("width", 1).put("height", 1)),
            ok("most items", j -> items(j, RecordValidation.MAX_ITEMS)),
            ok("longest source", j -> j.put("source", "s".repeat(64))),
            bad("too many items", j -> items(j, RecordValidation.MAX_ITEMS + 1)),
            bad("items missing", j -> j.remove("items")),
            bad("items an object", j -> j.putObject("items")),
            bad("a null item", j -> ((ArrayNode) j.get("items")).addNull()),
            bad("negative confidence", j -> item(j).put("confidence", -0.5)),
            bad("confidence over 100", j -> item(j).put("confidence", 100.5)),
            bad("confidence 1e999", j -> item(j).put("confidence", new BigDecimal("1e999"))),
            bad("confidence missing", j -> item(j).remove("confidence")),
            bad("unknown kind", j -> item(j).put("kind", "LOGO")),
            bad("kind by ordinal", j -> item(j).put("kind", 1)),
            bad("kind missing", j -> item(j).remove("kind")),
            bad("name blank", j -> item(j).put("name", "")),
            bad("name too long", j -> item(j).put("name", LONG_ID + "x")),
            bad("negative left", j -> box(j).put("left", -0.01)),
            bad("width over 1", j -> box(j).put("width", 1.01)),
            bad("height missing", j -> box(j).remove("height")),
            bad("source too long", j -> j.put("source", "s".repeat(65))),
            bad("source missing", j -> j.remove("source")));
      case MATCH_EVENTS:
        return List.of(
            ok("minute 0", j -> j.put("matchMinute", 0)),
            ok("minute 200", j -> j.put("matchMinute", RecordValidation.MAX_MATCH_MINUTE)),
            ok("999 goals", j -> obj(j, "score").put("home", RecordValidation.MAX_GOALS)),
            ok("numbers and booleans as attributes", j -> obj(j, "attributes").put("n", 3).put("b", true)),
            ok("empty attributes", j -> j.putObject("attributes")),
            ok("most attributes", j -> entries(j.putObject("attributes"), RecordValidation.MAX_MAP_ENTRIES)),
            ok("longest attribute", j -> obj(j, "attributes").put("k", "v".repeat(1024))),
            ok("longest attribute key", j -> obj(j, "attributes").put("k".repeat(128), "v")),
            bad("minute 201", j -> j.put("matchMinute", RecordValidation.MAX_MATCH_MINUTE + 1)),
            bad("negative minute", j -> j.put("matchMinute", -1)),
            bad("1000 goals", j -> obj(j, "score").put("away", RecordValidation.MAX_GOALS + 1)),
            bad("score without away", j -> obj(j, "score").remove("away")),
            bad("unknown team", j -> j.put("team", "NEUTRAL")),
            bad("unknown type", j -> j.put("type", "CORNER")),
            bad("lower-case type", j -> j.put("type", "goal")),
            bad("eventId blank", j -> j.put("eventId", " ")),
            bad("too many attributes", j -> entries(j.putObject("attributes"), RecordValidation.MAX_MAP_ENTRIES + 1)),
            bad("attribute too long", j -> obj(j, "attributes").put("k", "v".repeat(1025))),
            bad("attribute key too long", j -> obj(j, "attributes").put("k".repeat(129), "v")),
            bad("empty attribute key", j -> obj(j, "attributes").put("", "v")),
            bad("nested attribute", j -> obj(j, "attributes").putObject("k")),
            bad("null attribute", j -> obj(j, "attributes").putNull("k")),
            bad("attributes an array", j -> j.putArray("attributes")));
      case VIEWER_EVENTS:
        return List.of(
            ok("JOIN without item", j -> {
              j.put("type", "JOIN");
              j.remove("itemId");
              j.remove("interaction");
            }),
            ok("HEARTBEAT with item", j -> j.put("type", "HEARTBEAT")),
            ok("no profile", j -> j.remove("profile")),
            bad("INTERACTION without interaction", j -> j.remove("interaction")),
            bad("INTERACTION without itemId", j -> j.remove("itemId")),
            bad("unknown interaction", j -> j.put("interaction", "LIKE")),
            bad("unknown type", j -> j.put("type", "PAUSE")),
            bad("itemId with a tab", j -> j.put("itemId", "widget\tbet")),
            bad("empty itemId on a JOIN", j -> {
              j.put("type", "JOIN");
              j.put("itemId", "");
            }),
            bad("viewerId missing", j -> j.remove("viewerId")),
            bad("negative position", j -> j.put("positionMs", -5)),
            bad("profile value too long", j -> obj(j, "profile").put("country", "v".repeat(1025))),
            bad("profile too big", j -> entries(j.putObject("profile"), RecordValidation.MAX_MAP_ENTRIES + 1)));
      default:
        throw new AssertionError(stream);
    }
  }

  private static ObjectNode obj(ObjectNode parent, String name) {
    return (ObjectNode) parent.get(name);
  }

  private static ObjectNode item(ObjectNode detection) {
    return (ObjectNode) detection.get("items").get(0);
  }

  private static ObjectNode box(ObjectNode detection) {
    return (ObjectNode) item(detection).get("box");
  }

  private static void items(ObjectNode detection, int n) {
    ArrayNode items = detection.putArray("items");
    for (int i = 0; i < n; i++) {
      items.addObject().put("kind", "LABEL").put("name", "label-" + i).put("confidence", 50);
    }
  }

  private static void entries(ObjectNode map, int n) {
    for (int i = 0; i < n; i++) {
      map.put("key" + i, "value" + i);
    }
  }

  private static ObjectNode fixtureJson(StreamName stream) {
    return (ObjectNode) MiniSchemaValidator.parse(RecordCodec.encode(Fixtures.full(stream)));
  }

  /** The codec's and validation's reason to reject the record, or null if it is accepted. */
  @SuppressWarnings("unchecked")
  private static String decodeError(StreamName stream, String json) {
    try {
      InputDecoder.forStream(stream, (Class<Object>) stream.recordType()).decode(json);
      return null;
    } catch (RecordException e) {
      return e.getMessage();
    }
  }
}
