package io.cuepoint.jobs.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.connectors.ivs.IvsStubServer;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayStatus;
import io.cuepoint.schemas.records.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job with IVS on, against IVS on loopback: 200 media on 200 channels with a product
 * detection every second. A replay runs far faster than the stream did, so the decisions of a
 * minute of stream come within a second or two: much more than IVS allows. The server's clock
 * must never see more than 5 calls of a channel, or more than the account budget, in any one
 * second; every decision gets one outcome, and each channel's last decision (its final CLEAR)
 * reaches IVS.
 */
@ExtendWith(LocalAwsCredentials.class)
class OverlayIvsLoadTest {
  private static final long T0 = 1_780_167_600_000L;
  private static final int CHANNELS = 200;
  private static final int SECONDS = 60;

  @TempDir static Path dir;

  private static String channel(int c) {
    return "arn:aws:ivs:us-west-2:123456789012:channel/load" + c;
  }

  @Test
  void limitsHoldThroughTheWholeJob() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> segments = new ArrayList<>();
    List<String> detections = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) {
      Segment s = new Segment();
      s.mediaId = "media-" + c;
      s.channelArn = channel(c);
      s.segmentUrl = "https://cdn.example.com/media-" + c + "/seg0.ts";
      s.sequence = 0L;
      s.durationMs = 6000L;
      s.positionMs = 0L;
      s.eventTime = T0;
      segments.add(RecordCodec.encode(s));
    }
    for (int t = 0; t < SECONDS; t++) {
      for (int c = 0; c < CHANNELS; c++) {
        DetectionItem item = new DetectionItem();
        item.kind = ItemKind.PRODUCT;
        item.name = "p-" + ((t / 4 + c) % 3);
        item.confidence = 95.0;
        Detection d = new Detection();
        d.mediaId = "media-" + c;
        d.positionMs = t * 1000L;
        d.eventTime = T0 + t * 1000L;
        d.source = "rekognition";
        d.items = new DetectionItem[] {item};
        detections.add(RecordCodec.encode(d));
      }
    }
    Files.write(in.resolve(StreamName.SEGMENTS.fileName()), segments);
    Files.write(in.resolve(StreamName.DETECTIONS.fileName()), detections);
    Path catalog = dir.resolve("products.json");
    Files.writeString(
        catalog,
        "{\"products\":["
            + product("p-0") + "," + product("p-1") + "," + product("p-2") + "]}");

    try (IvsStubServer ivs = new IvsStubServer()) {
      Map<String, String> settings = new HashMap<>();
      settings.put("Overlays.catalog", catalog.toString());
      settings.put("Overlays.allowed-hosts", "shop.example.com");
      settings.put("Overlays.show-duration", "3s");
      settings.put("Overlays.cooldown", "0s");
      settings.put("Overlays.resend-interval", "1s");
      settings.put("Overlays.ivs.enabled", "true");
      settings.put("Overlays.ivs.endpoint", ivs.endpoint());
      settings.put("Job.parallelism", "2");
      Path out = dir.resolve("out");
      ReplayRunner.run(in, out, CuepointConfig.of(Collections.emptyMap(), settings), null, false);

      List<Overlay> overlays = new ArrayList<>();
      for (String line : Files.readAllLines(out.resolve(StreamName.OVERLAYS.fileName()))) {
        overlays.add(RecordCodec.decode(line, Overlay.class));
      }
      List<IvsStubServer.Call> calls = ivs.calls();

      // 200 channels × a decision per second of stream, at least.
      assertThat(overlays.size()).isGreaterThanOrEqualTo(CHANNELS * SECONDS);
      assertThat(overlays).extracting(o -> o.status).containsOnly(OverlayStatus.SENT, OverlayStatus.SUPERSEDED);
      List<Overlay> sent = overlays.stream().filter(o -> o.status == OverlayStatus.SENT).collect(Collectors.toList());
      // Every attempt reached the server (a slow answer may be tried again: the overlay id makes
      // that harmless), and what the server got is exactly what was recorded as SENT.
      assertThat(calls).hasSize(overlays.stream().mapToInt(o -> o.attempts == null ? 0 : o.attempts).sum());
      assertThat(calls.stream().map(c -> c.channelArn + " " + c.metadata).distinct().sorted().collect(Collectors.toList()))
          .isEqualTo(sent.stream().map(o -> o.channelArn + " " + o.payload).distinct().sorted().collect(Collectors.toList()));
      Map<String, List<Overlay>> byChannel = overlays.stream().collect(Collectors.groupingBy(o -> o.channelArn));
      assertThat(byChannel).hasSize(CHANNELS);
      for (int c = 0; c < CHANNELS; c++) {
        Overlay last =
            byChannel.get(channel(c)).stream()
                .max(Comparator.comparing((Overlay o) -> o.eventTime).thenComparing(o -> o.action.ordinal()))
                .get();
        assertThat(last.status).as("last decision of %s", channel(c)).isEqualTo(OverlayStatus.SENT);
        assertThat(mostCallsInAnySecond(calls, channel(c))).as(channel(c)).isBetween(1, 5);
      }
      assertThat(mostCallsInAnySecond(calls, null)).isLessThanOrEqualTo(155);
      System.out.printf(
          "load through the job: %d decisions, %d calls, busiest second %d calls%n",
          overlays.size(), calls.size(), mostCallsInAnySecond(calls, null));
    }
  }

  private static String product(String id) {
    return "{\"productId\":\"" + id + "\",\"title\":\"Product " + id + "\",\"price\":10,\"currency\":\"EUR\","
        + "\"link\":\"https://shop.example.com/p/" + id + "\"}";
  }

  private static int mostCallsInAnySecond(List<IvsStubServer.Call> calls, String channelArn) {
    List<Long> times =
        calls.stream()
            .filter(c -> channelArn == null || c.channelArn.equals(channelArn))
            .map(c -> c.arrivedNanos)
            .sorted()
            .collect(Collectors.toList());
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
}
