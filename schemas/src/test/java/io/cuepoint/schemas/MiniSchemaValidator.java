package io.cuepoint.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough of JSON Schema draft 2020-12 to check the published schemas against records without
 * a validator dependency. It refuses keywords it does not know, so the schemas can only use what
 * is checked here, and a misspelt keyword (which a real validator would silently ignore) fails.
 */
final class MiniSchemaValidator {
  /** Parses numbers exactly, so that 1e999 is a huge number and not Infinity. */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final Set<String> ANNOTATIONS =
      new HashSet<>(Arrays.asList("$schema", "$id", "title", "description", "$defs"));
  private static final Set<String> KEYWORDS =
      new HashSet<>(
          Arrays.asList(
              "type", "properties", "required", "additionalProperties", "propertyNames",
              "maxProperties", "items", "maxItems", "minimum", "maximum", "exclusiveMaximum",
              "minLength", "maxLength", "pattern", "enum", "const", "$ref", "if", "then"));

  private final JsonNode root;

  MiniSchemaValidator(JsonNode root) {
    this.root = root;
  }

  static JsonNode load(StreamName stream) {
    try (InputStream in =
        MiniSchemaValidator.class.getClassLoader().getResourceAsStream(stream.schemaResource())) {
      if (in == null) {
        throw new AssertionError("no resource " + stream.schemaResource());
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resolves a schema that is only a local {@code $ref} (or has one) to the referenced schema. */
  JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String prefix = "#/$defs/";
    if (!ref.asText().startsWith(prefix)) {
      throw new IllegalStateException("unsupported $ref " + ref);
    }
    JsonNode target = root.path("$defs").get(ref.asText().substring(prefix.length()));
    if (target == null) {
      throw new IllegalStateException("dangling $ref " + ref);
    }
    return target;
  }

  /** The ways the instance breaks the schema; empty if it is valid. */
  List<String> validate(JsonNode instance) {
    List<String> errors = new ArrayList<>();
    check(root, instance, "$", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        errors.add(at + ": not allowed");
      }
      return;
    }
    for (Map.Entry<String, JsonNode> k : schema.properties()) {
      if (!ANNOTATIONS.contains(k.getKey()) && !KEYWORDS.contains(k.getKey())) {
        throw new IllegalStateException("unsupported keyword '" + k.getKey() + "' at " + at);
      }
    }
    if (schema.has("$ref")) {
      check(resolve(schema), value, at, errors);
    }
    if (schema.has("type") && !hasType(schema.get("type"), value)) {
      errors.add(at + ": not of type " + schema.get("type"));
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(at + ": not one of " + schema.get("enum"));
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(at + ": not " + schema.get("const"));
    }
    if (value.isNumber()) {
      BigDecimal n = value.decimalValue();
      if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
        errors.add(at + ": below minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
        errors.add(at + ": above maximum " + schema.get("maximum"));
      }
      if (schema.has("exclusiveMaximum")
          && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
        errors.add(at + ": not below exclusiveMaximum " + schema.get("exclusiveMaximum"));
      }
    }
    if (value.isTextual()) {
      String s = value.textValue();
      int length = s.codePointCount(0, s.length());
      if (schema.has("minLength") && length < schema.get("minLength").intValue()) {
        errors.add(at + ": shorter than " + schema.get("minLength"));
      }
      if (schema.has("maxLength") && length > schema.get("maxLength").intValue()) {
        errors.add(at + ": longer than " + schema.get("maxLength"));
      }
      if (schema.has("pattern")
          && !Pattern.compile(schema.get("pattern").asText(), Pattern.UNICODE_CHARACTER_CLASS)
              .matcher(s)
              .find()) {
        errors.add(at + ": does not match " + schema.get("pattern"));
      }
    }
    if (value.isArray()) {
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
        errors.add(at + ": more than " + schema.get("maxItems") + " items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
        }
      }
    }
    if (value.isObject()) {
      object(schema, value, at, errors);
    }
    if (schema.has("if")) {
      List<String> ifErrors = new ArrayList<>();
      check(schema.get("if"), value, at, ifErrors);
      if (ifErrors.isEmpty() && schema.has("then")) {
        check(schema.get("then"), value, at, errors);
      }
    }
  }

  private void object(JsonNode schema, JsonNode value, String at, List<String> errors) {
    if (schema.has("required")) {
      for (JsonNode name : schema.get("required")) {
        if (!value.has(name.asText())) {
          errors.add(at + ": missing " + name.asText());
        }
      }
    }
    if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").intValue()) {
      errors.add(at + ": more than " + schema.get("maxProperties") + " properties");
    }
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      if (schema.has("propertyNames")) {
        check(schema.get("propertyNames"), JSON.getNodeFactory().textNode(name), at + "." + name
            + "(name)", errors);
      }
      if (properties.has(name)) {
        check(properties.get(name), field.getValue(), at + "." + name, errors);
      } else if (schema.has("additionalProperties")) {
        check(schema.get("additionalProperties"), field.getValue(), at + "." + name, errors);
      }
    }
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasType(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(t, value)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "string":
        return value.isTextual();
      case "boolean":
        return value.isBoolean();
      case "null":
        return value.isNull();
      case "number":
        return value.isNumber();
      case "integer":
        return value.isIntegralNumber()
            || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      default:
        throw new IllegalStateException("unknown type " + type);
    }
  }
}
