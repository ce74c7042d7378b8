package io.cuepoint.connectors.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenSearch cluster with the k-NN plugin on loopback, as far as the product index uses it:
 * {@code GET /<index>/_mapping}, {@code PUT /<index>}, {@code POST /_bulk}, {@code POST
 * /<index>/_search} (an exact k-NN query scored (1 + cosine) / 2 as the Lucene engine does, and
 * match_all sorted by productId with search_after), and {@code POST /<index>/_refresh}. Writes
 * become searchable at a refresh, as in OpenSearch. Tests can queue error answers per request and
 * have bulk items rejected with 429.
 */
public final class OpenSearchServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received. */
  static final class Request {
    final String method;
    final String path;
    final String body;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Request(HttpExchange exchange, String body) {
      this.method = exchange.getRequestMethod();
      this.path = exchange.getRequestURI().getPath();
      this.body = body;
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    }
  }

  /** A stored document. */
  static final class Doc {
    final String productId;
    final String fingerprint;
    final float[] vector;

    Doc(JsonNode source) {
      productId = source.path("productId").asText();
      fingerprint = source.path("fingerprint").asText();
      JsonNode v = source.path("embedding");
      vector = new float[v.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = (float) v.get(i).asDouble();
      }
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** Index name to the body it was created with. */
  final Map<String, JsonNode> indices = new ConcurrentHashMap<>();
  /** Written documents, by id: what a refresh makes searchable. */
  final Map<String, Doc> written = new ConcurrentHashMap<>();
  /** Searchable documents, by id. */
  final Map<String, Doc> searchable = new ConcurrentHashMap<>();
  /** Statuses to answer the next requests whose "METHOD path" matches, in order. */
  public final Map<String, ConcurrentLinkedQueue<Integer>> failures = new ConcurrentHashMap<>();
  /** Product ids a bulk request rejects with 429 the next time it carries them. */
  final Set<String> rejectOnce = ConcurrentHashMap.newKeySet();
  /** Product ids a bulk request fails with 400 (mapper_parsing_exception). */
  final Set<String> malformed = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  public OpenSearchServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void fail(String methodAndPath, Integer... statuses) {
    failures.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
  }

  List<Request> requests(String method, String path) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.method.equals(method) && r.path.equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange, body);
      requests.add(request);
      ConcurrentLinkedQueue<Integer> queued = failures.get(request.method + " " + request.path);
      Integer forced = queued == null ? null : queued.poll();
      if (forced != null) {
        String type = forced == 429 ? "rejected_execution_exception" : "internal_server_error";
        reply(exchange, forced, error(type, forced));
        return;
      }
      String[] parts = request.path.substring(1).split("/");
      if (request.method.equals("POST") && request.path.equals("/_bulk")) {
        reply(exchange, 200, bulk(body));
      } else if (parts.length == 1 && request.method.equals("PUT")) {
        if (indices.putIfAbsent(parts[0], JSON.readTree(body)) != null) {
          reply(exchange, 400, error("resource_already_exists_exception", 400));
        } else {
          reply(exchange, 200, "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\"" + parts[0] + "\"}");
        }
      } else if (!indices.containsKey(parts[0])) {
        reply(exchange, 404, error("index_not_found_exception", 404));
      } else if (parts.length == 2 && parts[1].equals("_mapping") && request.method.equals("GET")) {
        ObjectNode out = JSON.createObjectNode();
        out.putObject(parts[0]).set("mappings", indices.get(parts[0]).path("mappings"));
        reply(exchange, 200, out.toString());
      } else if (parts.length == 2 && parts[1].equals("_refresh")) {
        searchable.clear();
        searchable.putAll(written);
        reply(exchange, 200, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}");
      } else if (parts.length == 2 && parts[1].equals("_search") && request.method.equals("POST")) {
        reply(exchange, 200, search(JSON.readTree(body)));
      } else {
        reply(exchange, 400, error("illegal_argument_exception", 400));
      }
    } finally {
      exchange.close();
    }
  }

  private String bulk(String ndjson) throws IOException {
    String[] lines = ndjson.split("\n");
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray("items");
    boolean errors = false;
    for (int i = 0; i < lines.length; i++) {
      JsonNode action = JSON.readTree(lines[i]);
      String op = action.fieldNames().next();
      String id = action.path(op).path("_id").asText();
      ObjectNode result = items.addObject().putObject(op);
      result.put("_index", action.path(op).path("_index").asText()).put("_id", id);
      JsonNode source = op.equals("index") ? JSON.readTree(lines[++i]) : null;
      int status;
      if (rejectOnce.remove(id)) {
        status = 429;
        result.set("error", JSON.readTree(error("es_rejected_execution_exception", 429)).path("error"));
      } else if (malformed.contains(id)) {
        status = 400;
        result.set("error", JSON.readTree(error("mapper_parsing_exception", 400)).path("error"));
      } else if (op.equals("index")) {
        status = written.put(id, new Doc(source)) == null ? 201 : 200;
      } else {
        status = written.remove(id) == null ? 404 : 200;
      }
      errors |= status >= 300;
      result.put("status", status);
    }
    out.put("took", 1).put("errors", errors);
    return out.toString();
  }

  private String search(JsonNode query) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode hits = out.putObject("hits").putArray("hits");
    int size = query.path("size").asInt(10);
    JsonNode knn = query.path("query").path("knn").path("embedding");
    if (!knn.isMissingNode()) {
      float[] q = new float[knn.path("vector").size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = (float) knn.path("vector").get(i).asDouble();
      }
      List<Doc> docs = new ArrayList<>(searchable.values());
      Map<Doc, Double> scores = new java.util.HashMap<>();
      for (Doc d : docs) {
        scores.put(d, (1 + cosine(q, d.vector)) / 2);
      }
      docs.sort(Comparator.comparing((Doc d) -> -scores.get(d)).thenComparing(d -> d.productId));
      for (Doc d : docs.subList(0, Math.min(Math.min(size, knn.path("k").asInt()), docs.size()))) {
        ObjectNode hit = hits.addObject();
        hit.put("_index", "products").put("_id", d.productId).put("_score", scores.get(d));
        hit.putObject("_source").put("productId", d.productId);
      }
      return out.toString();
    }
    String after = query.path("search_after").path(0).asText(null);
    searchable.values().stream()
        .sorted(Comparator.comparing(d -> d.productId))
        .filter(d -> after == null || d.productId.compareTo(after) > 0)
        .limit(size)
        .forEach(
            d -> {
              ObjectNode hit = hits.addObject();
              hit.put("_id", d.productId).putNull("_score");
              hit.putObject("_source").put("productId", d.productId).put("fingerprint", d.fingerprint);
              hit.putArray("sort").add(d.productId);
            });
    return out.toString();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static String error(String type, int status) {
    return "{\"error\":{\"root_cause\":[{\"type\":\""
        + type
        + "\",\"reason\":\"test\"}],\"type\":\""
        + type
        + "\",\"reason\":\"test\"},\"status\":"
        + status
        + "}";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
