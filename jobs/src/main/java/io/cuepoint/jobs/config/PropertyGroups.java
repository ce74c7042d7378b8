package io.cuepoint.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.RecordCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads property groups from a JSON file in the shape Managed Service for Apache Flink uses for
 * its runtime properties: {@code [{"PropertyGroupId": "Timeline", "PropertyMap": {"window-size":
 * "15s"}}]}. The same file can be pasted into the Managed Flink console or its API.
 */
public final class PropertyGroups {
  private PropertyGroups() {}

  public static Map<String, Properties> read(Path file) {
    String where = "--config " + file;
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(where + ": no such file");
    }
    JsonNode root;
    try {
      root = RecordCodec.mapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          where + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || !root.isArray()) {
      throw new ConfigException(
          where + ": expected a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}}");
    }
    Map<String, Properties> groups = new LinkedHashMap<>();
    for (JsonNode group : root) {
      JsonNode id = group.get("PropertyGroupId");
      JsonNode map = group.get("PropertyMap");
      if (id == null || !id.isTextual() || map == null || !map.isObject()) {
        throw new ConfigException(
            where + ": every entry needs a text PropertyGroupId and an object PropertyMap");
      }
      Properties properties = groups.computeIfAbsent(id.asText(), k -> new Properties());
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw new ConfigException(
              id.asText() + "." + e.getKey() + ": must be a text, number or boolean value");
        }
        properties.setProperty(e.getKey(), e.getValue().asText());
      }
    }
    return groups;
  }
}
