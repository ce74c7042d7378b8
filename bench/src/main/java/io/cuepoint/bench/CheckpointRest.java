package io.cuepoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Triggers a checkpoint of a job through the MiniCluster's REST API and reads its size, in all and
 * per task (a chain of operators).
 */
final class CheckpointRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A completed checkpoint's sizes in bytes: the full state, and what this checkpoint wrote. */
  static final class Sizes {
    final long id;
    final long stateBytes;
    final long checkpointedBytes;
    /** Task name to {state bytes, checkpointed bytes}, in the job graph's order. */
    final Map<String, long[]> byTask;

    Sizes(long id, long stateBytes, long checkpointedBytes, Map<String, long[]> byTask) {
      this.id = id;
      this.stateBytes = stateBytes;
      this.checkpointedBytes = checkpointedBytes;
      this.byTask = byTask;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  CheckpointRest(int port, String jobId) {
    this.base = "http://127.0.0.1:" + port + "/jobs/" + jobId;
  }

  /** Checkpoints now and waits for it to complete. */
  Sizes checkpoint(long timeoutMs) throws IOException, InterruptedException {
    JsonNode trigger =
        send(HttpRequest.newBuilder(URI.create(base + "/checkpoints"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build());
    String request = trigger.path("request-id").asText();
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      JsonNode status = get("/checkpoints/" + request);
      if ("COMPLETED".equals(status.path("status").path("id").asText())) {
        JsonNode operation = status.path("operation");
        if (operation.has("failure-cause")) {
          throw new IllegalStateException("checkpoint failed: " + operation.path("failure-cause"));
        }
        return sizes(operation.path("checkpointId").asLong(), deadline);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("checkpoint not done within " + timeoutMs + " ms: " + status);
      }
      Thread.sleep(100);
    }
  }

  private Sizes sizes(long checkpointId, long deadline) throws IOException, InterruptedException {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode v : get("").path("vertices")) {
      names.put(v.path("id").asText(), v.path("name").asText());
    }
    JsonNode details = details(checkpointId, deadline);
    Map<String, long[]> byTask = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : names.entrySet()) {
      JsonNode task = details.path("tasks").path(v.getKey());
      long state = task.path("state_size").asLong();
      if (state > 0) {
        byTask.put(v.getValue(), new long[] {state, task.path("checkpointed_size").asLong()});
      }
    }
    return new Sizes(
        checkpointId, details.path("state_size").asLong(), details.path("checkpointed_size").asLong(), byTask);
  }

  /**
   * The checkpoint's statistics. The REST API serves them from a cache refreshed apart from the
   * checkpoint's completion, so a checkpoint just completed can be unknown to it for a moment.
   */
  private JsonNode details(long checkpointId, long deadline) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/checkpoints/details/" + checkpointId)).GET().build();
    while (true) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        continue;
      }
      if (response.statusCode() >= 300) {
        throw new IOException(request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
