package io.cuepoint.connectors.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 200 channels, each with a new decision every 100 ms for 3 s: twice what IVS lets one channel
 * take and, together, more than six times the account budget. The server's own clock must never
 * see more than 5 calls of a channel, or more than the account budget, in any one second, and
 * every decision must still get exactly one outcome, the newest of each channel SENT.
 */
class IvsRateLimitLoadTest {
  private static final int CHANNELS = 200;
  private static final int ROUNDS = 30;
  private static final long ROUND_MS = 100;

  @Test
  void noChannelAndNotTheAccountEverGoOverTheirLimits() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer()) {
      IvsSettings settings = SenderRun.settings(ivs);
      settings.decisionTimeoutMs = 60_000;
      // Two subtasks share the account budget, each with half of the channels.
      try (SenderRun first = new SenderRun(settings, 2, 0);
          SenderRun second = new SenderRun(settings, 2, 1)) {
        Map<String, Overlay> newest = new HashMap<>();
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
          for (int c = 0; c < CHANNELS; c++) {
            String channel = "arn:aws:ivs:us-west-2:123456789012:channel/load" + c;
            Overlay d =
                SenderRun.decision(
                    channel, "ov-" + c + "-" + round, round % 3 == 0 ? OverlayAction.SHOW : OverlayAction.RESEND, round * ROUND_MS);
            (c % 2 == 0 ? first : second).send(d);
            newest.put(channel, d);
          }
          long next = start + (round + 1) * ROUND_MS * 1_000_000L;
          Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000L));
        }
        List<Overlay> outcomes = new ArrayList<>(first.outcomes());
        outcomes.addAll(second.outcomes());

        assertThat(outcomes).hasSize(CHANNELS * ROUNDS);
        assertThat(outcomes).extracting(o -> o.status).containsOnly(OverlayStatus.SENT, OverlayStatus.SUPERSEDED);
        for (Overlay o : outcomes) {
          if (o.overlayId.equals(newest.get(o.channelArn).overlayId)) {
            assertThat(o.status).as(o.overlayId).isEqualTo(OverlayStatus.SENT);
          }
        }
        List<IvsStubServer.Call> calls = ivs.calls();
        assertThat(calls).hasSize((int) outcomes.stream().filter(o -> o.status == OverlayStatus.SENT).count());
        for (int c = 0; c < CHANNELS; c++) {
          String channel = "arn:aws:ivs:us-west-2:123456789012:channel/load" + c;
          assertThat(RateCheck.mostCallsInAnySecond(calls, channel)).as(channel).isBetween(1, 5);
        }
        assertThat(RateCheck.mostCallsInAnySecond(calls, null)).isLessThanOrEqualTo(settings.accountCallsPerSecond);
        System.out.printf(
            "load: %d decisions, %d calls, busiest second %d calls, %.1f s%n",
            outcomes.size(), calls.size(), RateCheck.mostCallsInAnySecond(calls, null),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
