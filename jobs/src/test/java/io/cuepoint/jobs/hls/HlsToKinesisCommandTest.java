package io.cuepoint.jobs.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.emulators.KinesisEmulator;
import io.cuepoint.connectors.fetch.LoopbackHttp;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Segment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `hls-to-kinesis` follows a live playlist on loopback into a stream on the Kinesis emulator. */
class HlsToKinesisCommandTest {
  @RegisterExtension static final KinesisEmulator KINESIS = new KinesisEmulator();

  private static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";

  @Test
  void publishesEachSegmentOfASlidingLivePlaylistOnce() throws Exception {
    KINESIS.createStream("hls-segments", 2);
    // Target duration 1 s; the window slides by one segment per load and ends at the third load.
    List<String> script = List.of(window(40, 42, false), window(41, 43, false), window(42, 44, true));
    AtomicInteger loads = new AtomicInteger();
    try (LoopbackHttp server = new LoopbackHttp()) {
      server.on("/live/", x -> LoopbackHttp.send(x, 200, script.get(Math.min(loads.getAndIncrement(), script.size() - 1))));
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      int code =
          HlsToKinesisCommand.run(
              List.of(
                  "--playlist", server.url("/live/index.m3u8"),
                  "--media", "final-2026",
                  "--stream", KINESIS.arn("hls-segments").arn(),
                  "--channel", CHANNEL,
                  "--set", "Aws.credentials=emulator",
                  "--set", "Kinesis.endpoint=" + KINESIS.endpoint(),
                  "--set", "Fetch.allowed-schemes=http",
                  "--set", "Fetch.allowed-hosts=127.0.0.1",
                  "--set", "Fetch.allow-private-addresses=true"),
              new PrintStream(stdout, true, StandardCharsets.UTF_8),
              new PrintStream(stderr, true, StandardCharsets.UTF_8));

      assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith("hls-to-kinesis: 5 segments published to ");
      assertThat(stderr.toString(StandardCharsets.UTF_8))
          .contains("+3 segments (up to #42), 3 in all; next load in 1000 ms")
          .contains("+1 segments (up to #44), 5 in all; the playlist has ended");
      assertThat(server.requests()).hasSize(3);
    }

    List<Segment> published = new ArrayList<>();
    for (String json : KINESIS.readAll("hls-segments")) {
      published.add(RecordCodec.decode(json, Segment.class));
    }
    published.sort(Comparator.comparing(s -> s.sequence));
    long t0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();
    assertThat(published).extracting(s -> s.sequence).containsExactly(40L, 41L, 42L, 43L, 44L);
    assertThat(published).extracting(s -> s.positionMs).containsExactly(0L, 1000L, 2000L, 3000L, 4000L);
    assertThat(published).extracting(s -> s.eventTime).containsExactly(t0 + 40_000, t0 + 41_000, t0 + 42_000, t0 + 43_000, t0 + 44_000);
    assertThat(published).allSatisfy(s -> {
      assertThat(s.mediaId).isEqualTo("final-2026");
      assertThat(s.channelArn).isEqualTo(CHANNEL);
      assertThat(s.durationMs).isEqualTo(1000L);
      assertThat(s.segmentUrl).matches("http://127\\.0\\.0\\.1:\\d+/live/s" + s.sequence + "\\.ts");
    });
  }

  /** Segments {@code first..last} of one second each, with program date-times. */
  private static String window(int first, int last, boolean ended) {
    StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
    b.append("#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:").append(first).append(".000Z\n");
    for (int i = first; i <= last; i++) {
      b.append("#EXTINF:1.000,\ns").append(i).append(".ts\n");
    }
    return ended ? b.append("#EXT-X-ENDLIST\n").toString() : b.toString();
  }
}
