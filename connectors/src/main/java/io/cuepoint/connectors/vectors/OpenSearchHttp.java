package io.cuepoint.connectors.vectors;

import io.cuepoint.connectors.retry.CallListener;
import io.cuepoint.connectors.retry.RetryingCaller;
import io.cuepoint.connectors.retry.TokenBucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * OpenSearch's REST API over {@code java.net.http} (asynchronous, never on a task thread), signed
 * when the cluster is an AWS one, held to a request rate, and retried on throttling (429), server
 * errors and I/O failures with exponential backoff and full jitter within the retry budget.
 */
final class OpenSearchHttp implements AutoCloseable {
  private static final int THREADS = 2;

  /** A status and body as OpenSearch answered. */
  static final class Response {
    final int status;
    final String body;

    Response(int status, String body) {
      this.status = status;
      this.body = body;
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final URI base;
  private final Duration attemptTimeout;
  private final RequestSigner signer;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final HttpClient client;
  private final RetryingCaller caller;

  OpenSearchHttp(OpenSearchSettings settings, CallListener listener) {
    this(settings, listener, DefaultCredentialsProvider.builder().build());
  }

  OpenSearchHttp(OpenSearchSettings settings, CallListener listener, AwsCredentialsProvider credentials) {
    settings.validate();
    String endpoint = settings.endpoint.endsWith("/") ? settings.endpoint : settings.endpoint + "/";
    this.base = URI.create(endpoint);
    this.attemptTimeout = Duration.ofMillis(settings.retry.attemptTimeoutMs);
    this.signer =
        settings.signing == OpenSearchSettings.Signing.NONE
            ? RequestSigner.NONE
            : new SigV4RequestSigner(
                settings.signing.name().toLowerCase(java.util.Locale.ROOT), settings.region, credentials);
    this.executor = Executors.newFixedThreadPool(THREADS, daemon("opensearch-http"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("opensearch-retries"));
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(attemptTimeout)
            .executor(executor)
            .build();
    this.caller =
        new RetryingCaller(
            new TokenBucket(settings.requestsPerSecond, System.nanoTime()),
            timer,
            settings.retry,
            new Classifier(),
            listener);
  }

  /**
   * Sends a request (with retries); completes with OpenSearch's answer for any status below 500
   * but 429, which the caller judges, and fails with {@link OpenSearchException} when throttling or
   * server errors outlast the retry budget.
   */
  CompletableFuture<Response> send(String method, String path, String body) {
    return send(method, path, "application/json", () -> body, r -> {});
  }

  /**
   * Sends a request whose body each attempt builds afresh; {@code check} judges each attempt's
   * answer and may throw a retryable {@link OpenSearchException} to have it tried again.
   */
  CompletableFuture<Response> send(
      String method, String path, String contentType, Supplier<String> body, ResponseCheck check) {
    URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
    String what = method + " " + uri.getPath();
    return caller.call(
        () ->
            CompletableFuture.supplyAsync(
                    () -> request(method, uri, contentType, bytes(body.get())), executor)
                .thenCompose(
                    r -> client.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .thenApply(
                    r -> {
                      if (r.statusCode() == 429 || r.statusCode() >= 500) {
                        throw new OpenSearchException(what, r.statusCode(), r.body());
                      }
                      Response response = new Response(r.statusCode(), r.body());
                      check.check(response);
                      return response;
                    }));
  }

  /** Judges one attempt's answer. */
  interface ResponseCheck {
    void check(Response response);
  }

  private static byte[] bytes(String body) {
    return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
  }

  private HttpRequest request(String method, URI uri, String contentType, byte[] bytes) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (bytes.length > 0) {
      headers.put("Content-Type", contentType);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(attemptTimeout)
            .method(
                method,
                bytes.length > 0
                    ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.noBody());
    signer.sign(method, uri, headers, bytes).forEach(b::header);
    return b.build();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    executor.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** 429 and 5xx answers and I/O failures (refused, reset, timed out) are retried. */
  static final class Classifier implements RetryingCaller.Classifier {
    @Override
    public boolean retryable(Throwable t) {
      if (t instanceof OpenSearchException) {
        return ((OpenSearchException) t).retryable();
      }
      return t instanceof IOException;
    }

    @Override
    public boolean throttling(Throwable t) {
      return t instanceof OpenSearchException && ((OpenSearchException) t).status() == 429;
    }
  }
}
