package io.cuepoint.connectors.personalize;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Amazon Personalize on loopback: the runtime's REST-JSON {@code POST /personalize-ranking} and
 * the event tracker's {@code POST /events}, as the SDK clients speak them through an endpoint
 * override. Records every request; answers as the test's script says.
 */
public final class PersonalizeServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server does with one ranking request. */
  public enum Answer {
    RANK,
    THROTTLE,
    TOO_MANY_REQUESTS,
    SERVER_ERROR,
    BAD_REQUEST,
    SLOW
  }

  /** A ranking request as received. */
  public static final class RankingCall {
    public final String campaignArn;
    public final String userId;
    final List<String> inputList;
    final Map<String, String> context;
    final long receivedAtMs;

    RankingCall(JsonNode body, long receivedAtMs) {
      this.campaignArn = body.path("campaignArn").asText();
      this.userId = body.path("userId").asText();
      this.inputList = new ArrayList<>();
      body.path("inputList").forEach(i -> inputList.add(i.asText()));
      this.context = new TreeMap<>();
      body.path("context").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
      this.receivedAtMs = receivedAtMs;
    }
  }

  public final List<RankingCall> rankingCalls = new CopyOnWriteArrayList<>();
  /** Accepted PutEvents bodies. */
  final List<JsonNode> eventCalls = new CopyOnWriteArrayList<>();
  /** PutEvents bodies answered with an error. */
  final List<JsonNode> refusedEventCalls = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> unknownPaths = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  /** Call number (from 1) to answer; RANK by default. */
  public volatile Function<Integer, Answer> script = n -> Answer.RANK;
  /** Ranks the input list: item id to score. Default: later items first. */
  volatile Function<RankingCall, Map<String, Double>> scores = PersonalizeServer::laterFirst;
  /** Call number (from 1) of the event tracker to a status: 200 by default. */
  volatile Function<Integer, Integer> eventsScript = n -> 200;
  private final AtomicInteger rankingCount = new AtomicInteger();
  /** How long every ranking answer takes, as a service's own latency. */
  volatile long rankingDelayMs;
  /** How long a {@link Answer#SLOW} answer takes. */
  public volatile long slowMs = 2_000;
  /** Users whose every ranking call is answered {@link Answer#SLOW}, whatever the script says. */
  public volatile Set<String> slowUsers = Set.of();
  private final AtomicInteger rankingsInProgress = new AtomicInteger();
  /** Most ranking requests the server was working on at once. */
  final AtomicInteger mostRankingsAtOnce = new AtomicInteger();
  private final AtomicInteger eventsCount = new AtomicInteger();

  public PersonalizeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Forgets every request and answers normally again. */
  void reset() {
    rankingCalls.clear();
    eventCalls.clear();
    refusedEventCalls.clear();
    unknownPaths.clear();
    rankingCount.set(0);
    eventsCount.set(0);
    rankingDelayMs = 0;
    slowMs = 2_000;
    slowUsers = Set.of();
    mostRankingsAtOnce.set(0);
    script = n -> Answer.RANK;
    scores = PersonalizeServer::laterFirst;
    eventsScript = n -> 200;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if ("POST".equals(exchange.getRequestMethod()) && path.equals("/personalize-ranking")) {
        mostRankingsAtOnce.accumulateAndGet(rankingsInProgress.incrementAndGet(), Math::max);
        try {
          rank(exchange, body);
        } finally {
          rankingsInProgress.decrementAndGet();
        }
      } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/events")) {
        int status = eventsScript.apply(eventsCount.incrementAndGet());
        (status == 200 ? eventCalls : refusedEventCalls).add(body);
        if (status == 200) {
          reply(exchange, 200, null, "{}");
        } else {
          reply(exchange, status, status == 429 ? "ThrottlingException" : "InternalServerError", "{\"message\":\"no\"}");
        }
      } else {
        unknownPaths.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        reply(exchange, 404, "UnknownOperationException", "{}");
      }
    } finally {
      exchange.close();
    }
  }

  private void rank(HttpExchange exchange, JsonNode body) throws IOException {
    RankingCall call = new RankingCall(body, System.currentTimeMillis());
    rankingCalls.add(call);
    if (rankingDelayMs > 0) {
      try {
        Thread.sleep(rankingDelayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Answer scripted = script.apply(rankingCount.incrementAndGet());
    switch (slowUsers.contains(call.userId) ? Answer.SLOW : scripted) {
      case THROTTLE:
        reply(exchange, 400, "ThrottlingException", "{\"message\":\"Rate exceeded\"}");
        return;
      case TOO_MANY_REQUESTS:
        reply(exchange, 429, null, "{\"message\":\"Too many requests\"}");
        return;
      case SERVER_ERROR:
        reply(exchange, 500, "InternalFailure", "{\"message\":\"oops\"}");
        return;
      case BAD_REQUEST:
        reply(exchange, 400, "InvalidInputException", "{\"message\":\"bad campaign\"}");
        return;
      case SLOW:
        try {
          Thread.sleep(slowMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        break;
      default:
        break;
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode ranking = out.putArray("personalizedRanking");
    scores.apply(call).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> ranking.addObject().put("itemId", e.getKey()).put("score", e.getValue()));
    out.put("recommendationId", "RID-" + rankingCount.get());
    reply(exchange, 200, null, JSON.writeValueAsString(out));
  }

  private static void reply(HttpExchange exchange, int status, String errorType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "req-1");
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, Double> laterFirst(RankingCall call) {
    Map<String, Double> s = new TreeMap<>();
    int n = call.inputList.size();
    for (int i = 0; i < n; i++) {
      s.put(call.inputList.get(i), (i + 1.0) / (n * (n + 1) / 2.0));
    }
    return s;
  }

  /** Calls received in each whole second of the wall clock. */
  Map<Long, Integer> callsPerSecond() {
    Map<Long, Integer> out = new TreeMap<>();
    for (RankingCall c : rankingCalls) {
      out.merge(c.receivedAtMs / 1000, 1, Integer::sum);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
