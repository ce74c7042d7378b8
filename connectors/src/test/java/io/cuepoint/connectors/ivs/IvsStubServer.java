package io.cuepoint.connectors.ivs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * IVS on loopback, speaking its REST-JSON protocol as the SDK expects: {@code POST /PutMetadata}
 * with {@code {"channelArn", "metadata"}}, 204 on success, errors as a status, an {@code
 * x-amzn-ErrorType} header and a JSON body. Records every call with its arrival time.
 */
public final class IvsStubServer implements AutoCloseable {
  /** What the server answers: HTTP status and error type (null for success). */
  public static final class Answer {
    final int status;
    final String errorType;

    Answer(int status, String errorType) {
      this.status = status;
      this.errorType = errorType;
    }

    static final Answer OK = new Answer(204, null);
    static final Answer THROTTLED = new Answer(429, "ThrottlingException");
    static final Answer SERVER_ERROR = new Answer(500, "InternalServerException");
    static final Answer NOT_BROADCASTING = new Answer(409, "ChannelNotBroadcasting");
    static final Answer INVALID = new Answer(400, "ValidationException");
  }

  /** One call as the server saw it. */
  public static final class Call {
    public final String channelArn;
    public final String metadata;
    public final long arrivedNanos;
    public final String authorization;

    Call(String channelArn, String metadata, long arrivedNanos, String authorization) {
      this.channelArn = channelArn;
      this.metadata = metadata;
      this.arrivedNanos = arrivedNanos;
      this.authorization = authorization;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, AtomicInteger> callsPerChannel = new ConcurrentHashMap<>();
  private volatile BiFunction<String, Integer, Answer> answers = (channel, n) -> Answer.OK;
  private volatile String slowChannel;
  private volatile long slowMs;

  public IvsStubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/PutMetadata", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** How to answer the n-th call (from 1) of a channel. */
  public IvsStubServer answering(BiFunction<String, Integer, Answer> answers) {
    this.answers = answers;
    return this;
  }

  /** Answers every call of {@code channelArn} after {@code ms}, as a slow service would. */
  public IvsStubServer slowFor(String channelArn, long ms) {
    this.slowChannel = channelArn;
    this.slowMs = ms;
    return this;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized List<Call> calls() {
    return new ArrayList<>(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!"POST".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, "MethodNotAllowed", "POST only");
      return;
    }
    JsonNode request = JSON.readTree(body);
    String channel = request.path("channelArn").asText();
    String metadata = request.path("metadata").asText();
    synchronized (this) {
      calls.add(new Call(channel, metadata, arrived, exchange.getRequestHeaders().getFirst("Authorization")));
    }
    if (metadata.getBytes(StandardCharsets.UTF_8).length > 1024) {
      respond(exchange, 400, "ValidationException", "metadata is larger than 1 KB");
      return;
    }
    if (channel.equals(slowChannel)) {
      try {
        Thread.sleep(slowMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int n = callsPerChannel.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
    Answer answer = answers.apply(channel, n);
    if (answer.errorType == null) {
      exchange.sendResponseHeaders(answer.status, -1);
      exchange.close();
    } else {
      respond(exchange, answer.status, answer.errorType, answer.errorType + " for " + channel);
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    byte[] out = JSON.writeValueAsBytes(Map.of("exceptionMessage", message));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/");
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
