package io.cuepoint.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetch guard against a real HTTP server on loopback, and its refusals before any traffic. */
class GuardedFetcherTest {
  private LoopbackHttp server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackHttp();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A policy that reaches the loopback test server, and only it. */
  private FetchPolicy loopback() {
    FetchPolicy p = new FetchPolicy();
    p.allowedSchemes = new String[] {"http", "https"};
    p.allowedHosts = new String[] {"127.0.0.1"};
    p.allowPrivateAddresses = true;
    return p;
  }

  @Test
  void fetchesAnAllowedUrlWithinThePolicy() throws Exception {
    byte[] segment = new byte[100_000];
    Arrays.fill(segment, (byte) 0x47);
    server.on("/live/seg-1.ts", x -> LoopbackHttp.send(x, 200, segment));
    try (GuardedFetcher fetcher = new GuardedFetcher(loopback())) {
      Fetched fetched =
          fetcher.fetchWithUrl(server.url("/live/seg-1.ts?token=abc&expires=1")).get(10, TimeUnit.SECONDS);
      assertThat(fetched.body).isEqualTo(segment);
      assertThat(fetched.url.toString()).isEqualTo(server.url("/live/seg-1.ts?token=abc&expires=1"));
      assertThat(fetcher.fetch(server.url("/live/seg-1.ts")).get(10, TimeUnit.SECONDS)).isEqualTo(segment);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      value = {
        "/seg.ts;rm -rf ~              => shell metacharacter ';'",
        "/seg.ts?x=$(reboot)           => shell metacharacter '$'",
        "/seg.ts?`id`                  => shell metacharacter '`'",
        "/seg&x.ts?a=1                 => shell metacharacter '&'",
        "/seg.ts?a=1#b&c               => shell metacharacter '&'",
        "/seg.ts?x=1|nc                => shell metacharacter '|'",
        "/seg.ts>out                   => shell metacharacter '>'",
        "/a b.ts                       => a space",
        "/seg.ts%0aHost:evil           => encoded control character %0a",
      })
  void refusesUrlsWithShellMetacharactersOrWhitespaceBeforeAnyRequest(String path, String reason) {
    server.on("/", x -> LoopbackHttp.send(x, 200, "never"));
    try (GuardedFetcher fetcher = new GuardedFetcher(loopback())) {
      Throwable failure = failure(fetcher.fetch(server.url(path)));
      assertThat(failure).isInstanceOf(FetchRefusedException.class).hasMessageContaining(reason);
      assertThat(((FetchRefusedException) failure).retryable()).isFalse();
      assertThat(FetchFailures.retryable(failure)).isFalse();
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void refusesControlCharactersAndNamesThem() {
    try (GuardedFetcher fetcher = new GuardedFetcher(loopback())) {
      assertThat(failure(fetcher.fetch(server.url("/seg.ts\nX-Injected: 1"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("U+000A at index")
          .hasMessageContaining("\\u000a");
    }
  }

  @Test
  void refusesARedirectToAnotherHostWithoutRequestingIt() {
    server.on("/moved", x -> {
      x.getResponseHeaders().add("Location", "http://localhost:" + server.port() + "/seg.ts");
      LoopbackHttp.send(x, 302, "");
    });
    server.on("/seg.ts", x -> LoopbackHttp.send(x, 200, "segment"));
    try (GuardedFetcher fetcher = new GuardedFetcher(loopback())) {
      assertThat(failure(fetcher.fetch(server.url("/moved"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("host 'localhost' is not allowed");
    }
    assertThat(server.requests()).containsExactly("/moved");
  }

  @Test
  void refusesARedirectToTheInstanceMetadataAddress() {
    server.on("/moved", x -> {
      x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/iam/");
      LoopbackHttp.send(x, 301, "");
    });
    FetchPolicy anyHost = loopback();
    anyHost.allowedHosts = new String[] {"127.0.0.1", "*.amazonaws.com"};
    try (GuardedFetcher fetcher = new GuardedFetcher(anyHost)) {
      assertThat(failure(fetcher.fetch(server.url("/moved"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("host '169.254.169.254' is not allowed");
    }
  }

  @Test
  void followsRelativeRedirectsOnTheSameHostUpToTheLimit() throws Exception {
    server.on("/a", x -> {
      x.getResponseHeaders().add("Location", "/b");
      LoopbackHttp.send(x, 307, "");
    });
    server.on("/b", x -> {
      x.getResponseHeaders().add("Location", "c");
      LoopbackHttp.send(x, 302, "");
    });
    server.on("/c", x -> LoopbackHttp.send(x, 200, "found"));
    server.on("/loop", x -> {
      x.getResponseHeaders().add("Location", "/loop");
      LoopbackHttp.send(x, 302, "");
    });
    FetchPolicy policy = loopback();
    policy.maxRedirects = 2;
    try (GuardedFetcher fetcher = new GuardedFetcher(policy)) {
      Fetched fetched = fetcher.fetchWithUrl(server.url("/a")).get(10, TimeUnit.SECONDS);
      assertThat(new String(fetched.body, StandardCharsets.UTF_8)).isEqualTo("found");
      assertThat(fetched.url.toString()).isEqualTo(server.url("/c"));
      assertThat(failure(fetcher.fetch(server.url("/loop"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("more than 2 redirects");
    }
    assertThat(server.requests()).containsExactly("/a", "/b", "/c", "/loop", "/loop", "/loop");
  }

  @ParameterizedTest
  @CsvSource({
    "http://10.0.0.1/seg.ts, 10.0.0.1, private",
    "http://169.254.169.254/latest/meta-data/, 169.254.169.254, link-local",
    "http://127.0.0.1:9/seg.ts, 127.0.0.1, loopback",
    "http://[::1]/seg.ts, 0:0:0:0:0:0:0:1, loopback",
    "http://[fd00::7]/seg.ts, fd00:0:0:0:0:0:0:7, unique-local",
    "http://0.0.0.0/seg.ts, 0.0.0.0, unspecified",
    "http://100.64.1.1/seg.ts, 100.64.1.1, shared",
    "http://224.0.0.251/seg.ts, 224.0.0.251, multicast",
    "http://[::ffff:192.168.1.1]/seg.ts, 192.168.1.1, private",
  })
  void refusesPrivateAddressLiteralsBeforeAnyConnection(String url, String address, String kind) {
    FetchPolicy policy = new FetchPolicy();
    policy.allowedSchemes = new String[] {"http"};
    try (GuardedFetcher fetcher = new GuardedFetcher(policy)) {
      long started = System.nanoTime();
      assertThat(failure(fetcher.fetch(url)))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("resolves to " + address + ", a " + kind);
      // Refused by the check, not by a connection attempt that could only time out.
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(policy.connectTimeoutMs);
    }
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsPrivate() throws Exception {
    FetchPolicy policy = new FetchPolicy();
    HostResolver resolver =
        host -> {
          if (host.equals("cdn.example.com")) {
            return new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")};
          }
          throw new java.net.UnknownHostException(host);
        };
    try (GuardedFetcher fetcher = new GuardedFetcher(policy, resolver)) {
      assertThat(failure(fetcher.fetch("https://cdn.example.com/live/seg.ts")))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("host 'cdn.example.com' resolves to 10.1.2.3, a private address");
      Throwable unknown = failure(fetcher.fetch("https://nowhere.example.com/seg.ts"));
      assertThat(unknown).isInstanceOf(java.net.UnknownHostException.class);
      assertThat(FetchFailures.retryable(unknown)).as("a failed lookup may pass").isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/seg.ts|scheme 'http' is not allowed",
        "file:///etc/passwd|no host",
        "ftp://example.com/seg.ts|scheme 'ftp' is not allowed",
        "https://user@example.com/seg.ts|user info",
        "https:///seg.ts|no host",
        "seg.ts|not absolute",
      })
  void refusesOtherSchemesAndMalformedUrlsWithTheDefaultPolicy(String urlAndReason) {
    String[] parts = urlAndReason.split("\\|");
    try (GuardedFetcher fetcher = new GuardedFetcher(new FetchPolicy())) {
      assertThat(failure(fetcher.fetch(parts[0]))).isInstanceOf(FetchRefusedException.class).hasMessageContaining(parts[1]);
    }
  }

  @Test
  void refusesABodyThatAnnouncesMoreThanTheLimit() {
    server.on("/big.ts", x -> LoopbackHttp.send(x, 200, new byte[2_000]));
    FetchPolicy policy = loopback();
    policy.maxBodyBytes = 1_000;
    try (GuardedFetcher fetcher = new GuardedFetcher(policy)) {
      assertThat(failure(fetcher.fetch(server.url("/big.ts"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("announced as 2000 bytes, more than 1000");
    }
  }

  @Test
  void stopsReadingAChunkedBodyAsSoonAsItPassesTheLimit() throws Exception {
    long offered = 256L * 1024 * 1024;
    AtomicLong written = new AtomicLong();
    CompletableFuture<Throwable> serverSaw = new CompletableFuture<>();
    server.on("/endless.ts", x -> {
      x.sendResponseHeaders(200, 0); // chunked: no length announced
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = x.getResponseBody()) {
        while (written.get() < offered) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
        serverSaw.complete(null);
      } catch (IOException dropped) {
        serverSaw.complete(dropped);
      }
    });
    FetchPolicy policy = loopback();
    policy.maxBodyBytes = 1_000_000;
    try (GuardedFetcher fetcher = new GuardedFetcher(policy)) {
      assertThat(failure(fetcher.fetch(server.url("/endless.ts"))))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("larger than 1000000 bytes");
      assertThat(serverSaw.get(20, TimeUnit.SECONDS)).as("the connection was dropped").isInstanceOf(IOException.class);
    }
    assertThat(written.get()).isLessThan(offered);
  }

  @Test
  void tellsRefusedStatusesFromRetryableOnes() {
    server.on("/gone.ts", x -> LoopbackHttp.send(x, 404, "no"));
    server.on("/busy.ts", x -> LoopbackHttp.send(x, 503, "later"));
    server.on("/slow-down.ts", x -> LoopbackHttp.send(x, 429, "later"));
    try (GuardedFetcher fetcher = new GuardedFetcher(loopback())) {
      Throwable gone = failure(fetcher.fetch(server.url("/gone.ts")));
      assertThat(gone).isInstanceOf(FetchRefusedException.class).hasMessageContaining("HTTP 404");
      assertThat(FetchFailures.retryable(gone)).isFalse();
      Throwable busy = failure(fetcher.fetch(server.url("/busy.ts")));
      assertThat(busy).isInstanceOf(FetchStatusException.class).hasMessageContaining("HTTP 503");
      assertThat(FetchFailures.retryable(busy)).isTrue();
      assertThat(FetchFailures.retryable(failure(fetcher.fetch(server.url("/slow-down.ts"))))).isTrue();
    }
  }

  @Test
  void aHopThatDoesNotFinishInTimeFailsRetryably() {
    server.on("/trickle.ts", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write(new byte[10]);
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException dropped) {
        // The fetcher gave up, as it should.
      }
    });
    FetchPolicy policy = loopback();
    policy.requestTimeoutMs = 300;
    try (GuardedFetcher fetcher = new GuardedFetcher(policy)) {
      Throwable late = failure(fetcher.fetch(server.url("/trickle.ts")));
      assertThat(late).isInstanceOf(HttpTimeoutException.class).hasMessageContaining("within 300 ms");
      assertThat(FetchFailures.retryable(late)).isTrue();
    }
  }

  @Test
  void closingFailsWhatIsUnderWayAndRefusesMore() {
    server.on("/hang.ts", x -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    GuardedFetcher fetcher = new GuardedFetcher(loopback());
    CompletableFuture<byte[]> pending = fetcher.fetch(server.url("/hang.ts"));
    fetcher.close();
    assertThat(failure(pending)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    assertThat(failure(fetcher.fetch(server.url("/hang.ts")))).hasMessageContaining("closed");
  }

  @Test
  void matchesHostsExactlyOrBySuffix() {
    String[] allowed = {"video.example.com", "*.cdn.example.net"};
    assertThat(UrlCheck.hostAllowed("video.example.com", allowed)).isTrue();
    assertThat(UrlCheck.hostAllowed("a.b.cdn.example.net", allowed)).isTrue();
    assertThat(UrlCheck.hostAllowed("cdn.example.net", allowed)).isFalse();
    assertThat(UrlCheck.hostAllowed("evilcdn.example.net", allowed)).isFalse();
    assertThat(UrlCheck.hostAllowed("video.example.com.evil.io", allowed)).isFalse();
    assertThat(UrlCheck.hostAllowed("anything.io", new String[0])).isTrue();
  }

  @Test
  void publicAddressesPassTheAddressCheck() throws Exception {
    for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "100.128.0.1"}) {
      assertThat(AddressCheck.nonPublicKind(InetAddress.getByName(address))).as(address).isNull();
    }
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return FetchFailures.unwrap(e);
    } catch (Exception e) {
      throw new AssertionError("the fetch did not fail: " + e, e);
    }
    throw new AssertionError("the fetch succeeded");
  }
}
