package io.cuepoint.connectors.frames;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain java.net.http fetcher for tests on loopback (the job uses the guarded fetcher). */
public final class LoopbackFetcher implements SegmentBytesFetcher {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A factory the decoder can serialize; each instance gets its own client. */
  public static SegmentBytesFetcher.Factory factory() {
    return LoopbackFetcher::new;
  }

  @Override
  public CompletableFuture<byte[]> fetch(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url);
              }
              return response.body();
            });
  }

  @Override
  public void close() {}
}
