package io.cuepoint.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.connectors.ivs.IvsClientBuilder;
import io.cuepoint.connectors.ivs.IvsSettings;
import io.cuepoint.connectors.ivs.IvsStubServer;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.OverlayConfig;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The IVS sender as the job wires it ({@link OverlayTopology#send}), on an embedded Flink against
 * IVS's protocol on loopback: the outcomes of channels decided after a watermark are not held back
 * by a slow channel decided before it. Flink's unordered async operator emits nothing across a
 * watermark, so without the watermarks stopped in front of the sender the slow channel's outcome
 * would come out first.
 */
@ExtendWith(LocalAwsCredentials.class)
class OverlaySendTopologyTest {
  private static final long T0 = 1_780_167_600_000L;
  private static final int OTHERS = 10;
  private static final String SLOW = channel("slow");

  @Test
  void outcomesAfterAWatermarkDoNotWaitForASlowChannelBeforeIt() throws Exception {
    List<Overlay> out = new ArrayList<>();
    try (IvsStubServer ivs = new IvsStubServer()) {
      // Far longer than a cold client's first calls take on a busy machine.
      ivs.slowFor(SLOW, 6_000);
      IvsSettings settings =
          OverlayConfig.of(
                  CuepointConfig.of(
                      Collections.emptyMap(),
                      Map.of(
                          "Overlays.ivs.enabled", "true",
                          "Overlays.ivs.endpoint", ivs.endpoint(),
                          "Overlays.ivs.region", "us-west-2",
                          "Overlays.ivs.call-timeout", "20s")))
              .ivs;
      List<Overlay> decisions = new ArrayList<>();
      decisions.add(show(SLOW, T0));
      for (int i = 1; i <= OTHERS; i++) {
        decisions.add(show(channel("c" + i), T0 + 1_000L * i));
      }
      DataStream<Overlay> timed = WatermarkAfterEach.stream(decisions, Overlay.class, (o, previous) -> o.eventTime);
      OverlayTopology.send(timed, settings, IvsClientBuilder.withDefaultCredentials())
          .executeAndCollect()
          .forEachRemaining(out::add);
    }

    assertThat(out).hasSize(OTHERS + 1);
    assertThat(out).allSatisfy(o -> assertThat(o.status).isEqualTo(OverlayStatus.SENT));
    assertThat(out.get(OTHERS).channelArn).isEqualTo(SLOW);
  }

  private static String channel(String name) {
    return "arn:aws:ivs:us-west-2:123456789012:channel/" + name;
  }

  private static Overlay show(String channelArn, long time) {
    Overlay o = new Overlay();
    o.overlayId = "ov-" + time;
    o.channelArn = channelArn;
    o.mediaId = "final-2026";
    o.action = OverlayAction.SHOW;
    o.productId = "p-1";
    o.payload = "{\"overlayId\":\"ov-" + time + "\",\"action\":\"SHOW\",\"productId\":\"p-1\"}";
    o.eventTime = time;
    return o;
  }
}
