package io.cuepoint.connectors.rekognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Amazon Rekognition on loopback, speaking its JSON 1.1 protocol as the SDK client does through an
 * endpoint override: {@code POST /} with {@code X-Amz-Target: RekognitionService.<Operation>}.
 * Records every request; answers as the test's script says, with canned results by default.
 */
public final class RekognitionServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  static final String LABELS =
      "{\"Labels\":["
          + "{\"Name\":\"Person\",\"Confidence\":99.5,\"Parents\":[],\"Instances\":["
          + "{\"BoundingBox\":{\"Width\":0.2,\"Height\":0.5,\"Left\":0.1,\"Top\":0.3},\"Confidence\":98.25},"
          + "{\"BoundingBox\":{\"Width\":0.25,\"Height\":0.5,\"Left\":0.6,\"Top\":0.25},\"Confidence\":97.0}]},"
          + "{\"Name\":\"Soccer Ball\",\"Confidence\":91.0,\"Parents\":[],\"Instances\":["
          + "{\"BoundingBox\":{\"Width\":0.05,\"Height\":0.05,\"Left\":0.97,\"Top\":-0.01},\"Confidence\":90.5}]},"
          + "{\"Name\":\"Grass\",\"Confidence\":88.0,\"Parents\":[],\"Instances\":[]}],"
          + "\"LabelModelVersion\":\"3.0\"}";
  static final String CELEBRITIES =
      "{\"CelebrityFaces\":["
          + "{\"Urls\":[],\"Name\":\"Jane Striker\",\"Id\":\"1a2b\",\"MatchConfidence\":97.0,"
          + "\"Face\":{\"BoundingBox\":{\"Width\":0.1,\"Height\":0.15,\"Left\":0.4,\"Top\":0.2},\"Confidence\":99.9}},"
          + "{\"Urls\":[],\"Name\":\"Barely Alike\",\"Id\":\"3c4d\",\"MatchConfidence\":40.0,"
          + "\"Face\":{\"BoundingBox\":{\"Width\":0.1,\"Height\":0.1,\"Left\":0.7,\"Top\":0.1},\"Confidence\":95.0}}],"
          + "\"UnrecognizedFaces\":[]}";
  static final String CUSTOM_LABELS =
      "{\"CustomLabels\":["
          + "{\"Name\":\"volt-can\",\"Confidence\":93.5,"
          + "\"Geometry\":{\"BoundingBox\":{\"Width\":0.08,\"Height\":0.2,\"Left\":0.5,\"Top\":0.6}}},"
          + "{\"Name\":\"stadium-board\",\"Confidence\":81.0}]}";

  /** A request as received. */
  public static final class Call {
    public final String operation;
    public final String contentType;
    public final JsonNode body;
    public final long arrivedNanos;
    /** Calls of this operation so far, this one included. */
    public final int number;

    Call(String operation, String contentType, JsonNode body, long arrivedNanos, int number) {
      this.operation = operation;
      this.contentType = contentType;
      this.body = body;
      this.arrivedNanos = arrivedNanos;
      this.number = number;
    }

    public byte[] image() {
      return Base64.getDecoder().decode(body.path("Image").path("Bytes").asText());
    }
  }

  /** What the server answers. */
  public static final class Reply {
    final int status;
    final String body;
    final long delayMs;

    private Reply(int status, String body, long delayMs) {
      this.status = status;
      this.body = body;
      this.delayMs = delayMs;
    }

    public static Reply ok(String body) {
      return new Reply(200, body, 0);
    }

    /** An error as JSON 1.1 services send it: the code in {@code __type}. */
    public static Reply error(int status, String type) {
      return new Reply(status, "{\"__type\":\"" + type + "\",\"message\":\"scripted " + type + "\"}", 0);
    }

    public static Reply slow(long delayMs) {
      return new Reply(200, "{\"Labels\":[]}", delayMs);
    }
  }

  /** Answers a call; returns null for the canned result. */
  public interface Script {
    Reply answer(Call call);
  }

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  public volatile Script script = call -> null;

  public RekognitionServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public void reset() {
    calls.clear();
    counts.clear();
    script = call -> null;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation.equals(operation)).collect(Collectors.toList());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())
          || target == null
          || !target.startsWith("RekognitionService.")) {
        reply(exchange, Reply.error(400, "UnknownOperationException"));
        return;
      }
      String operation = target.substring("RekognitionService.".length());
      Call call =
          new Call(
              operation,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              JSON.readTree(body),
              System.nanoTime(),
              counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet());
      calls.add(call);
      Reply reply = script.answer(call);
      if (reply == null) {
        reply = Reply.ok(canned(operation));
      }
      if (reply.delayMs > 0) {
        try {
          Thread.sleep(reply.delayMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      reply(exchange, reply);
    } catch (IOException e) {
      // The client gave up on the call (its timeout): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private static String canned(String operation) {
    switch (operation) {
      case "DetectLabels":
        return LABELS;
      case "RecognizeCelebrities":
        return CELEBRITIES;
      case "DetectCustomLabels":
        return CUSTOM_LABELS;
      default:
        return "{}";
    }
  }

  private static void reply(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", "req-" + System.nanoTime());
    exchange.sendResponseHeaders(reply.status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The most calls of an operation the server received in any one-second window. */
  public int mostCallsInAnySecond(String operation) {
    List<Long> times =
        calls(operation).stream().map(c -> c.arrivedNanos).sorted().collect(Collectors.toList());
    int most = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (times.get(end) - times.get(start) >= 1_000_000_000L) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
