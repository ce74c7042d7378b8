package io.cuepoint.connectors.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Amazon Bedrock's runtime on loopback: {@code POST /model/{modelId}/invoke} as the SDK's REST-JSON
 * client sends it (the model's JSON request as the HTTP body, the model's JSON answer as the
 * response body, errors named in {@code x-amzn-ErrorType}). Answers each call as the script says;
 * a successful answer embeds the image as a deterministic function of its bytes.
 */
public final class BedrockServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server does with one call. */
  public enum Answer {
    EMBED,
    THROTTLE,
    SERVER_ERROR,
    UNAVAILABLE,
    VALIDATION,
    SLOW,
    WRONG_LENGTH
  }

  /** A call as received. */
  public static final class Call {
    public final String modelId;
    public final JsonNode body;
    public final String authorization;
    public final long receivedAtNanos;

    Call(String modelId, JsonNode body, String authorization) {
      this.modelId = modelId;
      this.body = body;
      this.authorization = authorization;
      this.receivedAtNanos = System.nanoTime();
    }
  }

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final AtomicInteger count = new AtomicInteger();
  /** Call number (from 1) to answer. */
  public volatile Function<Integer, Answer> script = n -> Answer.EMBED;
  /** The raw (not normalised) embedding returned for an image's bytes and a vector length. */
  public volatile EmbeddingFunction embedding = BedrockServer::byteHistogram;

  /** Turns image bytes into a vector of the requested length. */
  public interface EmbeddingFunction {
    double[] embed(byte[] image, int length);
  }

  public BedrockServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Forgets every call and answers by the new script, counting calls from 1 again. */
  public void reset(Function<Integer, Answer> newScript) {
    calls.clear();
    count.set(0);
    script = newScript;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())
          || !path.startsWith("/model/")
          || !path.endsWith("/invoke")) {
        reply(exchange, 404, "UnknownOperationException", "{\"message\":\"no such operation\"}");
        return;
      }
      String modelId =
          URLDecoder.decode(
              path.substring("/model/".length(), path.length() - "/invoke".length()),
              StandardCharsets.UTF_8);
      JsonNode body = JSON.readTree(raw);
      calls.add(new Call(modelId, body, exchange.getRequestHeaders().getFirst("Authorization")));
      Answer answer = script.apply(count.incrementAndGet());
      switch (answer) {
        case THROTTLE:
          reply(exchange, 429, "ThrottlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}");
          return;
        case SERVER_ERROR:
          reply(exchange, 500, "InternalServerException", "{\"message\":\"internal error\"}");
          return;
        case UNAVAILABLE:
          reply(exchange, 503, "ServiceUnavailableException", "{\"message\":\"unavailable\"}");
          return;
        case VALIDATION:
          reply(exchange, 400, "ValidationException", "{\"message\":\"Malformed input request\"}");
          return;
        case SLOW:
          sleep(3_000);
          break;
        default:
          break;
      }
      int length = body.path("embeddingConfig").path("outputEmbeddingLength").asInt(1024);
      if (answer == Answer.WRONG_LENGTH) {
        length = length / 2;
      }
      byte[] image = java.util.Base64.getDecoder().decode(body.path("inputImage").asText());
      ObjectNode out = JSON.createObjectNode();
      double[] v = embedding.embed(image, length);
      var array = out.putArray("embedding");
      for (double x : v) {
        array.add(x);
      }
      out.putNull("inputTextTokenCount");
      reply(exchange, 200, null, out.toString());
    } finally {
      exchange.close();
    }
  }

  /** Counts of each byte value folded into the vector's length, plus one: never all zero. */
  static double[] byteHistogram(byte[] image, int length) {
    double[] v = new double[length];
    for (byte b : image) {
      v[(b & 0xff) % length] += 1;
    }
    v[0] += 1;
    return v;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String errorType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "req-" + System.nanoTime());
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
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
