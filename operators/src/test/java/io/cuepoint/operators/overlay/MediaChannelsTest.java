package io.cuepoint.operators.overlay;

import static io.cuepoint.operators.overlay.Overlays.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Segment;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MediaChannelsTest {
  private static Segment segment(String mediaId, String channel, long atMs) {
    Segment s = new Segment();
    s.mediaId = mediaId;
    s.channelArn = channel;
    s.segmentUrl = "https://cdn.example.com/" + mediaId + "/seg.ts";
    s.sequence = atMs / 6000;
    s.durationMs = 6000L;
    s.positionMs = atMs;
    s.eventTime = T0 + atMs;
    return s;
  }

  private static ProductFrame frame(String mediaId, long atMs) {
    ProductFrame f = Overlays.frame(null, "rekognition", atMs, "p-ball");
    f.mediaId = mediaId;
    return f;
  }

  @Test
  void framesGetTheChannelOfASegmentAtOrBeforeThemWhateverTheArrivalOrder() throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<String, ProductFrame, Segment, ProductFrame>(
            new KeyedCoProcessOperator<>(new MediaChannels(Overlays.settings())),
            f -> f.mediaId,
            s -> s.mediaId,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    harness.open();
    try {
      // The frame at 6 s arrives before the segment at 6 s that names the channel.
      harness.processElement1(frame("a", 1_000), T0 + 1_000);
      harness.processElement1(frame("a", 6_000), T0 + 6_000);
      harness.processElement2(segment("a", Overlays.CHANNEL, 6_000), T0 + 6_000);
      harness.processElement1(frame("a", 8_000), T0 + 8_000);
      // A media whose segments carry no channel, and one with no segments at all.
      harness.processElement2(segment("b", null, 0), T0);
      harness.processElement1(frame("b", 2_000), T0 + 2_000);
      harness.processElement1(frame("c", 3_000), T0 + 3_000);
      harness.processBothWatermarks(new Watermark(T0 + 60_000));

      assertThat(harness.extractOutputValues())
          .extracting(f -> f.mediaId, f -> f.eventTime - T0, f -> f.channelArn)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a", 6_000L, Overlays.CHANNEL),
              org.assertj.core.groups.Tuple.tuple("a", 8_000L, Overlays.CHANNEL));
    } finally {
      harness.close();
    }
  }
}
