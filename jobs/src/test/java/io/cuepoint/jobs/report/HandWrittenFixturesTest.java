package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written overlays and viewer decisions in {@code src/test/resources/report/} keep to
 * the published JSON Schemas, and the report draws them: spans per channel, an overlay still
 * showing at the end, decisions by widget and by ranker.
 */
class HandWrittenFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void fixturesKeepToTheSchemas() throws IOException {
    for (StreamName s : List.of(StreamName.OVERLAYS, StreamName.VIEWER_ACTIONS)) {
      JsonNode schema = JSON.readTree(resource("/" + s.schemaResource()));
      List<JsonNode> records = fixture(s);
      assertThat(records).as(s.id()).isNotEmpty();
      for (JsonNode record : records) {
        assertThat(violations(record, schema, schema)).as(s.id() + " " + record).isEmpty();
      }
    }
  }

  @Test
  void theReportDrawsThem() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    for (StreamName s : List.of(StreamName.OVERLAYS, StreamName.VIEWER_ACTIONS)) {
      try (InputStream in = resource("/report/" + s.fileName())) {
        Files.copy(in, out.resolve(s.fileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }

    JsonNode report = ReplayReportTest.model(out, null);

    JsonNode finalTrack = ReplayReportTest.media(report, "final-2026").at("/overlays/0");
    assertThat(finalTrack.get("decisions").asInt()).isEqualTo(18);
    assertThat(finalTrack.get("spansTotal").asInt()).as("six SHOW→CLEAR and one replaced").isEqualTo(7);
    JsonNode studioTrack = ReplayReportTest.media(report, "studio-show").at("/overlays/0");
    assertThat(studioTrack.get("spansTotal").asInt()).isEqualTo(4);
    assertThat(studioTrack.at("/spans/3/open").asBoolean()).isTrue();
    assertThat(report.at("/overlays/byStatus").toString())
        .isEqualTo("{\"DRY_RUN\":24,\"SUPERSEDED\":1,\"THROTTLED\":1}");
    assertThat(ReplayReportTest.media(report, "final-2026").at("/decisions/total").asInt()).isEqualTo(40);
    assertThat(report.get("decisionsByRanker").toString()).isEqualTo("{\"LOCAL\":44,\"PERSONALIZE\":8}");
  }

  /** The parts of JSON Schema the contract uses: required, type, enum, minimum, items, $ref. */
  private static List<String> violations(JsonNode value, JsonNode schema, JsonNode root) {
    List<String> found = new ArrayList<>();
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/$defs/", "");
      return violations(value, root.get("$defs").get(name), root);
    }
    String type = schema.path("type").asText("");
    boolean typeOk =
        type.isEmpty()
            || (type.equals("object") && value.isObject())
            || (type.equals("array") && value.isArray())
            || (type.equals("string") && value.isTextual())
            || (type.equals("integer") && value.isIntegralNumber())
            || (type.equals("number") && value.isNumber())
            || (type.equals("boolean") && value.isBoolean());
    if (!typeOk) {
      found.add("not a " + type + ": " + value);
      return found;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        found.add(value + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
      found.add(value + " < " + schema.get("minimum"));
    }
    if (schema.has("minLength") && value.isTextual() && value.asText().length() < schema.get("minLength").asInt()) {
      found.add("too short: " + value);
    }
    for (JsonNode field : schema.path("required")) {
      if (!value.has(field.asText())) {
        found.add(field.asText() + " is missing");
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      if (value.has(property.getKey())) {
        found.addAll(violations(value.get(property.getKey()), property.getValue(), root));
      }
    }
    if (schema.has("items")) {
      for (JsonNode item : value) {
        found.addAll(violations(item, schema.get("items"), root));
      }
    }
    return found;
  }

  private static List<JsonNode> fixture(StreamName s) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (InputStream in = resource("/report/" + s.fileName())) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
    }
    return records;
  }

  private static InputStream resource(String name) {
    InputStream in = HandWrittenFixturesTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
