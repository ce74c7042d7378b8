package io.cuepoint.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * The text of a record kept for its tooltip, bounded so that a huge payload cannot bloat the
 * page. Long text values are cut inside the JSON, which stays JSON, so the page can lay it out.
 */
final class RecordText {
  static final int MAX_VALUE_CHARS = 500;
  /** Records whose text is still longer (thousands of fields) are cut as plain text. */
  static final int MAX_CHARS = 4_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordText() {}

  static String of(String line) {
    try {
      JsonNode record = MAPPER.readTree(line);
      if (record == null) {
        return cut(line, MAX_CHARS);
      }
      return cut(MAPPER.writeValueAsString(cutValues(record)), MAX_CHARS);
    } catch (JsonProcessingException notJson) {
      return cut(line, MAX_CHARS);
    }
  }

  static String cut(String text, int max) {
    String trimmed = text.trim();
    if (trimmed.length() <= max) {
      return trimmed;
    }
    int end = Character.isHighSurrogate(trimmed.charAt(max - 1)) ? max - 1 : max;
    return trimmed.substring(0, end) + "…[" + (trimmed.length() - end) + " more characters]";
  }

  private static JsonNode cutValues(JsonNode node) {
    if (node.isTextual()) {
      return node.asText().length() > MAX_VALUE_CHARS ? TextNode.valueOf(cut(node.asText(), MAX_VALUE_CHARS)) : node;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(cutValues(field.getValue()));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, cutValues(array.get(i)));
      }
    }
    return node;
  }
}
