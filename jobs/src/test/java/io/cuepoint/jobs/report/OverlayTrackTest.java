package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTrackTest {
  private static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";

  @Test
  void pairsShowsWithClearsWhateverOrderTheLinesCameIn() {
    OverlayTrack track = new OverlayTrack(CHANNEL);
    add(track, OverlayAction.CLEAR, "p-1", 60_000, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.RESEND, "p-2", 130_000, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.SHOW, "p-1", 0, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.RESEND, "p-1", 30_000, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.SHOW, "p-2", 100_000, OverlayStatus.THROTTLED);
    add(track, OverlayAction.CLEAR, "p-2", 160_000, OverlayStatus.DRY_RUN);

    List<OverlaySpan> spans = track.spans();

    assertThat(track.decisions()).isEqualTo(6);
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).show.productId).isEqualTo("p-1");
    assertThat(spans.get(0).endTime()).isEqualTo(60_000);
    assertThat(spans.get(0).resends).isEqualTo(1);
    assertThat(spans.get(1).show.status).isEqualTo(OverlayStatus.THROTTLED);
    assertThat(spans.get(1).endTime()).isEqualTo(160_000);
    assertThat(spans.get(1).clear.payload).contains("\"action\":\"CLEAR\"");
  }

  @Test
  void aShowReplacesTheOverlayBeforeItAndTheLastMayStillBeShowing() {
    OverlayTrack track = new OverlayTrack(CHANNEL);
    add(track, OverlayAction.SHOW, "p-1", 0, OverlayStatus.FAILED);
    add(track, OverlayAction.SHOW, "p-2", 2_000, OverlayStatus.DRY_RUN);
    // At one instant the CLEAR of the old overlay goes before the SHOW of the next.
    add(track, OverlayAction.SHOW, "p-3", 50_000, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.CLEAR, "p-2", 50_000, OverlayStatus.DRY_RUN);

    List<OverlaySpan> spans = track.spans();

    assertThat(spans).extracting(s -> s.show.productId).containsExactly("p-1", "p-2", "p-3");
    assertThat(spans.get(0).endTime()).isEqualTo(2_000);
    assertThat(spans.get(0).clear).isNull();
    assertThat(spans.get(1).clear).isNotNull();
    assertThat(spans.get(1).endTime()).isEqualTo(50_000);
    assertThat(spans.get(2).endTime()).as("still showing at the end").isNull();
  }

  @Test
  void aResendWithNothingShowingStartsASpanAndAStrayClearIsIgnored() {
    OverlayTrack track = new OverlayTrack(CHANNEL);
    add(track, OverlayAction.CLEAR, "p-0", 0, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.RESEND, "p-1", 10_000, OverlayStatus.DRY_RUN);
    add(track, OverlayAction.CLEAR, "p-1", 20_000, OverlayStatus.DRY_RUN);

    List<OverlaySpan> spans = track.spans();

    assertThat(spans).singleElement().satisfies(s -> {
      assertThat(s.show.action).isEqualTo(OverlayAction.RESEND);
      assertThat(s.endTime()).isEqualTo(20_000);
    });
  }

  private static void add(OverlayTrack track, OverlayAction action, String product, long at, OverlayStatus status) {
    Overlay o = new Overlay();
    o.overlayId = "ov-" + product;
    o.channelArn = CHANNEL;
    o.mediaId = "final";
    o.action = action;
    o.productId = product;
    o.payload = "{}";
    o.eventTime = at;
    o.status = status;
    track.add(o, RecordCodec.encode(o));
  }
}
