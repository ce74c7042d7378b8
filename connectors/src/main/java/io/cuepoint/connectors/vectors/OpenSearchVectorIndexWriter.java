package io.cuepoint.connectors.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.retry.CallListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Writes product vectors to an OpenSearch k-NN index: creates the index with its mapping when it
 * is missing (and refuses one that cannot hold this model's vectors), reads the stored
 * fingerprints page by page ({@code search_after}, which Serverless supports where scroll is not),
 * and writes upserts and removals in bulk requests, the document id being the product id. Items a
 * bulk request rejects with 429 are sent again within the retry budget. {@link #commit()} sends
 * what is buffered, waits for every bulk request and refreshes the index so queries see it.
 */
public final class OpenSearchVectorIndexWriter implements VectorIndexWriter {
  static final int FINGERPRINT_PAGE = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenSearchSettings settings;
  private final String modelId;
  private final int dimensions;
  private final OpenSearchHttp http;
  private final List<ObjectNode[]> pending = new ArrayList<>();
  private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
  private CompletableFuture<Void> ready;

  public OpenSearchVectorIndexWriter(
      OpenSearchSettings settings, String modelId, int dimensions, CallListener listener) {
    this(settings, modelId, dimensions, new OpenSearchHttp(settings, listener));
  }

  OpenSearchVectorIndexWriter(
      OpenSearchSettings settings,
      String modelId,
      int dimensions,
      CallListener listener,
      AwsCredentialsProvider credentials) {
    this(settings, modelId, dimensions, new OpenSearchHttp(settings, listener, credentials));
  }

  private OpenSearchVectorIndexWriter(
      OpenSearchSettings settings, String modelId, int dimensions, OpenSearchHttp http) {
    this.settings = settings;
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.http = http;
  }

  @Override
  public CompletableFuture<Map<String, String>> fingerprints() {
    return ready().thenCompose(v -> fingerprintsAfter(null, new HashMap<>()));
  }

  @Override
  public CompletableFuture<Void> upsert(String productId, String fingerprint, float[] vector) {
    if (vector.length != dimensions) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "vector of " + vector.length + " dimensions for an index of " + dimensions));
    }
    ObjectNode action = JSON.createObjectNode();
    action.putObject("index").put("_index", settings.index).put("_id", productId);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("productId", productId).put("fingerprint", fingerprint).put("modelId", modelId);
    ArrayNode values = doc.putArray(KnnIndexMapping.VECTOR_FIELD);
    for (float x : vector) {
      values.add(x);
    }
    return ready().thenCompose(v -> enqueue(new ObjectNode[] {action, doc}));
  }

  @Override
  public CompletableFuture<Void> remove(String productId) {
    ObjectNode action = JSON.createObjectNode();
    action.putObject("delete").put("_index", settings.index).put("_id", productId);
    return ready().thenCompose(v -> enqueue(new ObjectNode[] {action}));
  }

  @Override
  public CompletableFuture<Void> commit() {
    List<CompletableFuture<Void>> all;
    synchronized (this) {
      flushLocked();
      all = new ArrayList<>(inFlight);
      inFlight.clear();
    }
    CompletableFuture<Void> written = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    if (settings.signing == OpenSearchSettings.Signing.AOSS) {
      // Serverless has no refresh API; it makes writes searchable on its own within seconds.
      return written;
    }
    String path = "/" + settings.index + "/_refresh";
    return written.thenCompose(v -> http.send("POST", path, null)).thenAccept(r -> expectOk(r, "POST " + path));
  }

  /**
   * Buffers one bulk action; returns at once while the batch has room, or the batch's request
   * when this action fills it, so a writer that waits for each upsert is held to the bulk rate.
   */
  private synchronized CompletableFuture<Void> enqueue(ObjectNode[] action) {
    pending.add(action);
    if (pending.size() < settings.bulkSize) {
      return CompletableFuture.completedFuture(null);
    }
    return flushLocked();
  }

  private CompletableFuture<Void> flushLocked() {
    if (pending.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<ObjectNode[]> batch = new ArrayList<>(pending);
    pending.clear();
    CompletableFuture<Void> sent = bulk(batch);
    inFlight.add(sent);
    return sent;
  }

  private CompletableFuture<Void> bulk(List<ObjectNode[]> batch) {
    List<ObjectNode[]> remaining = new ArrayList<>(batch);
    return http.send(
            "POST",
            "/_bulk",
            "application/x-ndjson",
            () -> ndjson(remaining),
            r -> keepRejected(r, remaining))
        .thenAccept(r -> {});
  }

  private static String ndjson(List<ObjectNode[]> actions) {
    StringBuilder out = new StringBuilder();
    synchronized (actions) {
      for (ObjectNode[] action : actions) {
        for (ObjectNode line : action) {
          out.append(line.toString()).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * Drops the actions OpenSearch applied from {@code remaining}; throws a retryable 429 if some
   * were rejected for load, and fails for good if any other item failed.
   */
  private static void keepRejected(OpenSearchHttp.Response r, List<ObjectNode[]> remaining) {
    expectOk(r, "POST /_bulk");
    JsonNode items = parse(r.body, "POST /_bulk").path("items");
    synchronized (remaining) {
      if (items.size() != remaining.size()) {
        throw new IllegalStateException(
            "POST /_bulk answered " + items.size() + " items for " + remaining.size() + " actions");
      }
      String firstError = null;
      Iterator<ObjectNode[]> actions = remaining.iterator();
      for (JsonNode item : items) {
        actions.next();
        JsonNode result = item.elements().next();
        int status = result.path("status").asInt();
        boolean deleteOfMissing = item.has("delete") && status == 404;
        if (status == 429) {
          continue;
        }
        actions.remove();
        if ((status < 200 || status >= 300) && !deleteOfMissing && firstError == null) {
          firstError = result.path("_id").asText() + ": " + status + " " + result.path("error");
        }
      }
      if (firstError != null) {
        throw new IllegalStateException("POST /_bulk failed for " + firstError);
      }
      if (!remaining.isEmpty()) {
        throw new OpenSearchException(
            "POST /_bulk", 429, remaining.size() + " actions rejected for load");
      }
    }
  }

  private CompletableFuture<Map<String, String>> fingerprintsAfter(
      String lastProductId, Map<String, String> into) {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", FINGERPRINT_PAGE);
    body.put("track_total_hits", false);
    body.putArray("_source").add("productId").add("fingerprint");
    body.putObject("query").putObject("match_all");
    body.putArray("sort").addObject().put("productId", "asc");
    if (lastProductId != null) {
      body.putArray("search_after").add(lastProductId);
    }
    String path = "/" + settings.index + "/_search";
    return http.send("POST", path, body.toString())
        .thenCompose(
            r -> {
              expectOk(r, "POST " + path);
              JsonNode hits = parse(r.body, "POST " + path).path("hits").path("hits");
              String last = null;
              for (JsonNode hit : hits) {
                JsonNode source = hit.path("_source");
                last = source.path("productId").asText();
                into.put(last, source.path("fingerprint").asText());
              }
              if (last == null || hits.size() < FINGERPRINT_PAGE) {
                return CompletableFuture.completedFuture(into);
              }
              return fingerprintsAfter(last, into);
            });
  }

  /** Creates the index if it is missing and checks it otherwise; tried again after a failure. */
  private synchronized CompletableFuture<Void> ready() {
    if (ready == null || ready.isCompletedExceptionally()) {
      ready = checkOrCreate();
    }
    return ready;
  }

  private CompletableFuture<Void> checkOrCreate() {
    String mappingPath = "/" + settings.index + "/_mapping";
    return http.send("GET", mappingPath, null)
        .thenCompose(
            r -> {
              if (r.status == 404) {
                return create();
              }
              expectOk(r, "GET " + mappingPath);
              KnnIndexMapping.check(settings.index, r.body, modelId, dimensions);
              return CompletableFuture.completedFuture(null);
            });
  }

  private CompletableFuture<Void> create() {
    String path = "/" + settings.index;
    return http.send("PUT", path, KnnIndexMapping.createBody(modelId, dimensions))
        .thenCompose(
            r -> {
              if (r.status == 400 && r.body.contains("resource_already_exists_exception")) {
                // Another writer created it in the meantime: check theirs.
                return checkOrCreate();
              }
              expectOk(r, "PUT " + path);
              return CompletableFuture.completedFuture(null);
            });
  }

  private static void expectOk(OpenSearchHttp.Response r, String request) {
    if (!r.ok()) {
      throw new OpenSearchException(request, r.status, r.body);
    }
  }

  private static JsonNode parse(String body, String request) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(request + " answered with a body that is not JSON", e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
