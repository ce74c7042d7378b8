package io.cuepoint.connectors.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a URL's bytes within a {@link FetchPolicy}, as the guard against server-side request
 * forgery: before every request, the first and each redirect hop, the URL's text, scheme and host
 * are checked and its host resolved (on a small executor of its own, never the caller's thread);
 * every address must be public unless the policy allows private ones. Redirects are never
 * followed by the HTTP client: each {@code Location} is checked like a new URL. A body is bounded
 * by its announced length and again while it streams in, and a hop has a deadline from sending to
 * its last byte. No shell or external process is involved.
 *
 * <p>A failed fetch completes exceptionally with a {@link FetchRefusedException} (never worth
 * retrying), a {@link FetchStatusException} (408, 429, 5xx) or another {@link IOException} or
 * timeout (worth retrying); {@link FetchFailures#retryable} tells them apart.
 *
 * <p>The HTTP client looks the host up again when it connects; the JVM's address cache (30 s by
 * default) makes that the answer that was checked. Where a name's answers must never change
 * between check and use, list the hosts in {@link FetchPolicy#allowedHosts}.
 */
public final class GuardedFetcher implements AutoCloseable {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final FetchPolicy policy;
  private final HostResolver resolver;
  private final ScheduledExecutorService lookups;
  private final ExecutorService httpThreads;
  private final HttpClient client;
  private final Set<CompletableFuture<Fetched>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public GuardedFetcher(FetchPolicy policy) {
    this(policy, HostResolver.SYSTEM);
  }

  /** @param resolver the lookup whose answers are checked (a test's fixed answers, or the JVM's) */
  public GuardedFetcher(FetchPolicy policy, HostResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
    this.lookups = Executors.newScheduledThreadPool(2, daemonThreads("cuepoint-fetch-lookup"));
    this.httpThreads = Executors.newCachedThreadPool(daemonThreads("cuepoint-fetch-http"));
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            // A proxy would resolve and connect on its own, out of the guard's sight.
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofMillis(policy.connectTimeoutMs))
            .executor(httpThreads)
            .build();
  }

  /** The body of {@code url}, or a failure saying why there is none. Never blocks the caller. */
  public CompletableFuture<byte[]> fetch(String url) {
    return fetchWithUrl(url).thenApply(fetched -> fetched.body);
  }

  /**
   * The body and the URL it finally came from (after redirects), which is what relative URLs in
   * it (a playlist's segments) are resolved against.
   */
  public CompletableFuture<Fetched> fetchWithUrl(String url) {
    CompletableFuture<Fetched> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IOException("the fetcher is closed"));
      return result;
    }
    inFlight.add(result);
    result.whenComplete((body, failure) -> inFlight.remove(result));
    hop(url, 0, result);
    return result;
  }

  private void hop(String url, int redirects, CompletableFuture<Fetched> result) {
    URI uri;
    try {
      uri = UrlCheck.check(url, policy);
    } catch (FetchRefusedException e) {
      result.completeExceptionally(e);
      return;
    }
    String host = UrlCheck.host(uri);
    CompletableFuture<InetAddress[]> addresses;
    try {
      addresses = CompletableFuture.supplyAsync(() -> lookUp(host), lookups);
    } catch (RuntimeException rejected) {
      result.completeExceptionally(new IOException("the fetcher is closed"));
      return;
    }
    addresses
        .thenCompose(found -> send(uri, url, found))
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                result.completeExceptionally(FetchFailures.unwrap(failure));
              } else if (!result.isDone()) {
                answer(uri, url, redirects, response, result);
              }
            });
  }

  private InetAddress[] lookUp(String host) {
    try {
      return resolver.resolve(host);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  private CompletableFuture<HttpResponse<byte[]>> send(URI uri, String url, InetAddress[] addresses) {
    if (!policy.allowPrivateAddresses) {
      for (InetAddress address : addresses) {
        String kind = AddressCheck.nonPublicKind(address);
        if (kind != null) {
          return CompletableFuture.failedFuture(
              new FetchRefusedException(
                  "host '" + UrlCheck.host(uri) + "' resolves to " + address.getHostAddress() + ", a " + kind
                      + " address, which is not allowed: " + url));
        }
      }
    }
    AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          if (info.statusCode() < 200 || info.statusCode() > 299) {
            return HttpResponse.BodySubscribers.replacing(null);
          }
          BoundedBodySubscriber subscriber = new BoundedBodySubscriber(policy.maxBodyBytes, url);
          OptionalLong length = info.headers().firstValueAsLong("Content-Length");
          if (length.isPresent() && length.getAsLong() > policy.maxBodyBytes) {
            subscriber.abort(
                new FetchRefusedException(
                    "the body of " + url + " is announced as " + length.getAsLong() + " bytes, more than "
                        + policy.maxBodyBytes));
          }
          body.set(subscriber);
          return subscriber;
        };
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .GET()
              .timeout(Duration.ofMillis(policy.requestTimeoutMs))
              .header("User-Agent", "cuepoint")
              .build();
      exchange = client.sendAsync(request, handler);
    } catch (IllegalArgumentException unsendable) {
      return CompletableFuture.failedFuture(
          new FetchRefusedException("the HTTP client cannot send " + url + ": " + unsendable.getMessage()));
    }
    CompletableFuture<HttpResponse<byte[]>> hop = new CompletableFuture<>();
    ScheduledFuture<?> deadline;
    try {
      deadline =
          lookups.schedule(
              () -> {
                HttpTimeoutException late =
                    new HttpTimeoutException("no complete answer within " + policy.requestTimeoutMs + " ms: " + url);
                if (hop.completeExceptionally(late)) {
                  BoundedBodySubscriber subscriber = body.get();
                  if (subscriber != null) {
                    subscriber.abort(late);
                  }
                  exchange.cancel(true);
                }
              },
              policy.requestTimeoutMs,
              TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      exchange.cancel(true);
      return CompletableFuture.failedFuture(new IOException("the fetcher is closed"));
    }
    exchange.whenComplete(
        (response, failure) -> {
          deadline.cancel(false);
          if (failure != null) {
            hop.completeExceptionally(FetchFailures.unwrap(failure));
          } else {
            hop.complete(response);
          }
        });
    return hop;
  }

  private void answer(
      URI uri, String url, int redirects, HttpResponse<byte[]> response, CompletableFuture<Fetched> result) {
    int status = response.statusCode();
    if (status >= 200 && status <= 299) {
      result.complete(new Fetched(uri, response.body()));
      return;
    }
    if (REDIRECTS.contains(status)) {
      Optional<String> location = response.headers().firstValue("Location");
      if (location.isEmpty()) {
        result.completeExceptionally(new FetchRefusedException("HTTP " + status + " without a Location from " + url));
      } else if (redirects >= policy.maxRedirects) {
        result.completeExceptionally(
            new FetchRefusedException("more than " + policy.maxRedirects + " redirects, the last from " + url));
      } else {
        String next;
        try {
          next = uri.resolve(new URI(location.get())).toString();
        } catch (URISyntaxException e) {
          result.completeExceptionally(
              new FetchRefusedException("HTTP " + status + " from " + url + " redirects to a malformed URL: " + location.get()));
          return;
        }
        hop(next, redirects + 1, result);
      }
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      result.completeExceptionally(new FetchStatusException(url, status));
    } else {
      result.completeExceptionally(new FetchRefusedException("HTTP " + status + " from " + url));
    }
  }

  @Override
  public void close() {
    closed = true;
    lookups.shutdownNow();
    httpThreads.shutdownNow();
    IOException closing = new IOException("the fetcher is closed");
    for (CompletableFuture<Fetched> pending : inFlight) {
      pending.completeExceptionally(closing);
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
