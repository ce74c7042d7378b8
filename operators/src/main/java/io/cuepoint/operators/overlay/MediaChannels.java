package io.cuepoint.operators.overlay;

import io.cuepoint.schemas.records.Segment;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives each product frame the IVS channel of its media (keyed by media id), learnt from the
 * {@code segments} input. A frame waits until the watermark passes its event time, so every segment
 * up to that time has arrived and the answer does not depend on which input happened to be read
 * first: a frame has a channel when a segment with a channel came at or before it. A frame of a
 * media with no known channel is counted and skipped: there is nowhere to show its overlay.
 */
public class MediaChannels
    extends KeyedCoProcessFunction<String, ProductFrame, Segment, ProductFrame> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<ProductFrame> FRAME_ORDER =
      Comparator.comparing((ProductFrame f) -> f.source == null ? "" : f.source)
          .thenComparing(f -> f.positionMs)
          .thenComparing(f -> String.join(",", f.productIds));

  private final long idleTimeoutMs;

  private transient ValueState<MediaChannel> channel;
  private transient MapState<Long, FrameBatch> pendingFrames;
  private transient Counter framesWithoutChannel;
  private transient Counter framesWithChannel;

  public MediaChannels(OverlaySettings settings) {
    settings.validate();
    this.idleTimeoutMs = settings.idleTimeoutMs;
  }

  @Override
  public void open(OpenContext openContext) {
    channel =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("mediaChannel", TypeInformation.of(MediaChannel.class)));
    pendingFrames =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pendingChannelFrames", Types.LONG, TypeInformation.of(FrameBatch.class)));
    var metrics = getRuntimeContext().getMetricGroup().addGroup("overlays");
    framesWithoutChannel = metrics.counter("framesWithoutChannel");
    framesWithChannel = metrics.counter("framesWithChannel");
  }

  @Override
  public void processElement1(ProductFrame frame, Context ctx, Collector<ProductFrame> out)
      throws Exception {
    FrameBatch batch = pendingFrames.get(frame.eventTime);
    pendingFrames.put(frame.eventTime, (batch == null ? new FrameBatch() : batch).with(frame));
    ctx.timerService().registerEventTimeTimer(frame.eventTime);
    touch(frame.eventTime, ctx);
  }

  @Override
  public void processElement2(Segment segment, Context ctx, Collector<ProductFrame> out)
      throws Exception {
    if (segment.channelArn == null) {
      return;
    }
    MediaChannel c = channel.value();
    if (c == null) {
      c = new MediaChannel();
    }
    if (c.channelSince == null || segment.eventTime >= c.channelSince) {
      c.channelArn = segment.channelArn;
      c.channelSince = segment.eventTime;
    }
    c.knownSince = c.knownSince == null ? segment.eventTime : Math.min(c.knownSince, segment.eventTime);
    channel.update(c);
    touch(segment.eventTime, ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ProductFrame> out)
      throws Exception {
    FrameBatch batch = pendingFrames.get(timestamp);
    MediaChannel c = channel.value();
    if (batch != null) {
      pendingFrames.remove(timestamp);
      ProductFrame[] frames = batch.frames.clone();
      Arrays.sort(frames, FRAME_ORDER);
      for (ProductFrame frame : frames) {
        if (c != null && c.knownSince != null && c.knownSince <= timestamp) {
          frame.channelArn = c.channelArn;
          framesWithChannel.inc();
          out.collect(frame);
        } else {
          framesWithoutChannel.inc();
        }
      }
    }
    if (c != null
        && c.lastActivity != null
        && timestamp >= c.lastActivity + idleTimeoutMs
        && pendingFrames.isEmpty()) {
      channel.clear();
    }
  }

  private void touch(long eventTime, Context ctx) throws Exception {
    MediaChannel c = channel.value();
    if (c == null) {
      c = new MediaChannel();
    }
    if (c.lastActivity == null || eventTime > c.lastActivity) {
      c.lastActivity = eventTime;
      channel.update(c);
      ctx.timerService().registerEventTimeTimer(eventTime + idleTimeoutMs);
    }
  }
}
