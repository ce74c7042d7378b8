package io.cuepoint.connectors.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.fetch.FetchPolicy;
import io.cuepoint.connectors.fetch.FetchRefusedException;
import io.cuepoint.connectors.fetch.GuardedFetcher;
import io.cuepoint.connectors.fetch.LoopbackHttp;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.Segment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follower against a loopback server whose playlist changes from one request to the next. */
class HlsPlaylistFollowerTest {
  private static final Instant NOW = Instant.parse("2026-05-30T19:30:00Z");
  private static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";

  private LoopbackHttp server;
  private GuardedFetcher fetcher;
  private final List<Segment> emitted = Collections.synchronizedList(new ArrayList<>());
  private final RecordingTimer timer = new RecordingTimer();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackHttp();
    FetchPolicy policy = new FetchPolicy();
    policy.allowedSchemes = new String[] {"http"};
    policy.allowedHosts = new String[] {"127.0.0.1"};
    policy.allowPrivateAddresses = true;
    fetcher = new GuardedFetcher(policy);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
    timer.close();
  }

  @Test
  void emitsEachSegmentOfASlidingLiveWindowOnceAndReloadsAsTheSpecSays() throws Exception {
    // Target duration 4 s; the window grows, stays, slides by one, slides by two, stays, ends.
    List<String> script =
        List.of(
            live(10, 12, false),
            live(10, 12, false),
            live(11, 13, false),
            live(13, 15, false),
            live(13, 15, false),
            live(14, 16, true));
    serve("/live/stream.m3u8", n -> script.get(Math.min(n, script.size() - 1)));

    HlsPlaylistFollower follower = follower(server.url("/live/stream.m3u8"), timer);
    follower.start().get(20, TimeUnit.SECONDS);

    assertThat(emitted).extracting(s -> s.sequence).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L);
    // Durations alternate 4.0 s and 3.5 s (odd sequence numbers); positions add them up from 0.
    assertThat(emitted).extracting(s -> s.durationMs).containsExactly(4000L, 3500L, 4000L, 3500L, 4000L, 3500L, 4000L);
    assertThat(emitted).extracting(s -> s.positionMs).containsExactly(0L, 4000L, 7500L, 11_500L, 15_000L, 19_000L, 22_500L);
    assertThat(emitted).extracting(s -> s.segmentUrl).contains(server.url("/live/seg-13.ts?sig=x"));
    assertThat(emitted).allSatisfy(s -> {
      assertThat(s.mediaId).isEqualTo("final-2026");
      assertThat(s.channelArn).isEqualTo(CHANNEL);
      assertThat(s.eventTime).as("no program date-time: the clock at discovery").isEqualTo(NOW.toEpochMilli());
      RecordValidation.segment(s);
    });
    // The first load at once, then the target duration after a change, half of it after none.
    assertThat(timer.delays).containsExactly(0L, 4000L, 2000L, 4000L, 4000L, 2000L);
    assertThat(server.requests()).hasSize(6);
    assertThat(follower.stats().unchangedLoads.get()).isEqualTo(2);
    assertThat(follower.stats().segmentsMissed.get()).isZero();
  }

  @Test
  void countsSegmentsThatLeftTheWindowUnseenAndKeepsPositionsGoing() throws Exception {
    List<String> script = List.of(live(10, 12, false), live(20, 22, true));
    serve("/live/stream.m3u8", n -> script.get(Math.min(n, script.size() - 1)));
    HlsPlaylistFollower follower = follower(server.url("/live/stream.m3u8"), timer);
    follower.start().get(20, TimeUnit.SECONDS);

    assertThat(emitted).extracting(s -> s.sequence).containsExactly(10L, 11L, 12L, 20L, 21L, 22L);
    // 13..19 are gone: counted as a target duration each, so later positions stay near the truth.
    assertThat(emitted.get(3).positionMs).isEqualTo(11_500L + 7 * 4000L);
    assertThat(follower.stats().segmentsMissed.get()).isEqualTo(7);
  }

  @Test
  void takesPositionsAndEventTimesFromProgramDateTime() throws Exception {
    long t0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();
    String first =
        "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:100\n"
            + "#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:00.000Z\n#EXTINF:2.0,\n100.ts\n#EXTINF:2.0,\n101.ts\n";
    // The encoder restarts: a discontinuity and a jump of 30 s in wall-clock time.
    String second =
        "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:101\n"
            + "#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:02.000Z\n#EXTINF:2.0,\n101.ts\n"
            + "#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:34.000Z\n#EXTINF:1.5,\n102.ts\n#EXTINF:2.0,\n103.ts\n#EXT-X-ENDLIST\n";
    serve("/pdt.m3u8", n -> n == 0 ? first : second);
    follower(server.url("/pdt.m3u8"), timer).start().get(20, TimeUnit.SECONDS);

    assertThat(emitted).extracting(s -> s.sequence).containsExactly(100L, 101L, 102L, 103L);
    assertThat(emitted).extracting(s -> s.positionMs).containsExactly(0L, 2000L, 34_000L, 35_500L);
    assertThat(emitted).extracting(s -> s.eventTime).containsExactly(t0, t0 + 2000, t0 + 34_000, t0 + 35_500);
  }

  @Test
  void followsTheChosenVariantOfAMasterPlaylist() throws Exception {
    serve(
        "/master.m3u8",
        n -> "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360\nlow/index.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080\nhigh/index.m3u8\n");
    serve("/high/index.m3u8", n -> "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n#EXTINF:6,\nb.ts\n#EXT-X-ENDLIST\n");
    List<Variant> chosen = new ArrayList<>();
    FollowerListener listener = new FollowerListener() {
      @Override
      public void variantChosen(Variant variant) {
        chosen.add(variant);
      }
    };
    new HlsPlaylistFollower(fetcher, settings(server.url("/master.m3u8")), emitted::add, listener, timer, clock())
        .start()
        .get(20, TimeUnit.SECONDS);

    assertThat(chosen).extracting(v -> v.height).containsExactly(1080);
    assertThat(emitted).extracting(s -> s.segmentUrl).containsExactly(server.url("/high/a.ts"), server.url("/high/b.ts"));
    assertThat(server.requests()).containsExactly("/master.m3u8", "/high/index.m3u8");
  }

  @Test
  void followsALivePlaylistThatGrowsInRealTimeOnItsOwnTimer() throws Exception {
    // From the first request on, one new segment every 500 ms, a window of four, ending at the
    // eighth; reloads every 1 s (target duration) or 0.5 s. No reload may skip or repeat one.
    AtomicLong started = new AtomicLong();
    serve(
        "/clock.m3u8",
        n -> {
          started.compareAndSet(0, System.nanoTime());
          int newest = (int) Math.min(7, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.get()) / 500);
          StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n");
          int oldest = Math.max(0, newest - 3);
          b.append("#EXT-X-MEDIA-SEQUENCE:").append(oldest).append('\n');
          for (int i = oldest; i <= newest; i++) {
            b.append("#EXTINF:0.5,\ns").append(i).append(".ts\n");
          }
          return newest == 7 ? b.append("#EXT-X-ENDLIST\n").toString() : b.toString();
        });
    List<Long> intervals = Collections.synchronizedList(new ArrayList<>());
    FollowerListener listener = new FollowerListener() {
      @Override
      public void loaded(MediaPlaylist playlist, int newSegments, long reloadIntervalMs) {
        intervals.add(reloadIntervalMs);
      }
    };
    try (HlsPlaylistFollower follower =
        new HlsPlaylistFollower(fetcher, settings(server.url("/clock.m3u8")), emitted::add, listener)) {
      follower.start().get(20, TimeUnit.SECONDS);
      assertThat(follower.stats().segmentsMissed.get()).isZero();
    }
    assertThat(emitted).extracting(s -> s.sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(emitted).extracting(s -> s.positionMs).containsExactly(0L, 500L, 1000L, 1500L, 2000L, 2500L, 3000L, 3500L);
    assertThat(intervals).last().isEqualTo(-1L);
    assertThat(intervals.subList(0, intervals.size() - 1)).isNotEmpty().allSatisfy(i -> assertThat(i).isIn(1000L, 500L));
  }

  @Test
  void retriesPassingFailuresAndStopsAtARefusal() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on("/flaky.m3u8", x -> {
      if (calls.getAndIncrement() < 2) {
        LoopbackHttp.send(x, 503, "busy");
      } else {
        LoopbackHttp.send(x, 200, "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n");
      }
    });
    HlsPlaylistFollower flaky = follower(server.url("/flaky.m3u8"), timer);
    flaky.start().get(20, TimeUnit.SECONDS);
    assertThat(emitted).hasSize(1);
    assertThat(flaky.stats().retriedFailures.get()).isEqualTo(2);
    assertThat(timer.delays).containsExactly(0L, 500L, 1000L);

    server.on("/gone.m3u8", x -> LoopbackHttp.send(x, 404, "gone"));
    assertThat(failure(follower(server.url("/gone.m3u8"), new RecordingTimer()).start()))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void stopsWithTheUrlAndLineOfAMalformedPlaylist() {
    serve("/bad.m3u8", n -> "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:two,\na.ts\n");
    assertThat(failure(follower(server.url("/bad.m3u8"), timer).start()))
        .isInstanceOf(PlaylistException.class)
        .hasMessage(server.url("/bad.m3u8") + ": line 3: #EXTINF duration 'two' is not a positive number of seconds");
  }

  @Test
  void closingStopsTheReloads() throws Exception {
    serve("/endless.m3u8", n -> live(n, n + 2, false));
    HlsPlaylistFollower follower =
        new HlsPlaylistFollower(fetcher, settings(server.url("/endless.m3u8")), emitted::add, FollowerListener.NONE);
    follower.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (emitted.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    follower.close();
    assertThat(follower.done()).isCompleted();
    int requests = server.requests().size();
    Thread.sleep(300);
    assertThat(server.requests()).hasSize(requests);
    assertThat(emitted).extracting(s -> s.sequence).containsExactly(0L, 1L, 2L);
  }

  /** Sequences {@code first..last}, 4.0 s each except 3.5 s for odd ones, target duration 4. */
  private static String live(int first, int last, boolean ended) {
    StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n");
    b.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
    for (int i = first; i <= last; i++) {
      b.append("#EXTINF:").append(i % 2 == 0 ? "4.000" : "3.500").append(",\nseg-").append(i).append(".ts?sig=x\n");
    }
    return ended ? b.append("#EXT-X-ENDLIST\n").toString() : b.toString();
  }

  private void serve(String path, IntFunction<String> playlistForRequest) {
    AtomicInteger n = new AtomicInteger();
    server.on(path, x -> LoopbackHttp.send(x, 200, playlistForRequest.apply(n.getAndIncrement())));
  }

  private HlsPlaylistFollower follower(String url, ReloadTimer reloadTimer) {
    return new HlsPlaylistFollower(fetcher, settings(url), emitted::add, FollowerListener.NONE, reloadTimer, clock());
  }

  private static FollowSettings settings(String url) {
    FollowSettings s = new FollowSettings();
    s.playlistUrl = url;
    s.mediaId = "final-2026";
    s.channelArn = CHANNEL;
    return s;
  }

  /** A clock that stands still: reload delays are then exactly the intervals the follower chose. */
  private static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("did not fail");
  }

  /** Records each delay asked for and runs the load at once, so a test never waits for time. */
  private static final class RecordingTimer implements ReloadTimer {
    final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @Override
    public void schedule(Runnable load, long delayMs) {
      delays.add(delayMs);
      executor.execute(load);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
