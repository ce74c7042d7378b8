package io.cuepoint.connectors.frames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per media (keyed by mediaId), in event-time order: a frame whose perceptual hash is within the
 * threshold of the last analysed frame's is skipped (it inherits that frame's detections), unless
 * the maximum gap has passed since that frame; any other frame is analysed. Frames to analyse go
 * to the main output; skipped frames, without their JPEG and with {@code inheritsFromMs} set, go
 * to {@link #SKIPPED}. Frames arrive out of order from the unordered decoder, so they wait in
 * state until the watermark passes them. The last analysed frame is forgotten once the maximum
 * gap has passed after it (the next frame is analysed anyway), so a quiet media leaves no state.
 */
public class NearDuplicateFilter extends KeyedProcessFunction<String, VideoFrame, VideoFrame> {
  private static final long serialVersionUID = 1L;

  /**
   * Measured with FrameSavingsTest on a generated 10-minute stream (320x180 H.264, noise and a
   * moving square in every frame, 20 scene changes): consecutive samples 4 s apart differ by 1-18
   * bits (mean 5.1) within a scene and by 16-49 bits (mean 30) across a scene change. 10 is about
   * twice the usual within-scene distance and well under the closest scene change; it skipped
   * 79% of the frames there and missed no scene change. It is also the usual dHash cut-off for
   * "the same picture".
   */
  public static final int DEFAULT_HAMMING_THRESHOLD = 10;

  public static final OutputTag<VideoFrame> SKIPPED =
      new OutputTag<>("skipped-frames", TypeInformation.of(VideoFrame.class));

  private final int hammingThreshold;
  private final long maxGapMs;

  private transient MapState<Long, VideoFrame> pending;
  private transient ValueState<AnalysedFrame> lastAnalysed;
  private transient Counter analysed;
  private transient Counter skipped;
  private transient Counter late;

  public NearDuplicateFilter(FrameSettings settings) {
    settings.validate();
    this.hammingThreshold = settings.hammingThreshold;
    this.maxGapMs = settings.maxGapMs;
  }

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "near-duplicates-pending-frames", Types.LONG, TypeInformation.of(VideoFrame.class)));
    lastAnalysed =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "near-duplicates-last-analysed", TypeInformation.of(AnalysedFrame.class)));
    analysed = getRuntimeContext().getMetricGroup().counter("framesAnalysed");
    skipped = getRuntimeContext().getMetricGroup().counter("framesSkipped");
    late = getRuntimeContext().getMetricGroup().counter("framesLate");
  }

  @Override
  public void processElement(VideoFrame frame, Context ctx, Collector<VideoFrame> out) throws Exception {
    if (frame.eventTime <= ctx.timerService().currentWatermark()) {
      // Behind the watermark: frames after it may already be decided, so it cannot be ordered in.
      late.inc();
      decide(frame, ctx, out);
      return;
    }
    // Keyed by position: a frame delivered twice (a replayed segment) takes the same slot, while
    // two frames that happen to share an event time both wait.
    pending.put(frame.positionMs, frame);
    ctx.timerService().registerEventTimeTimer(frame.eventTime);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<VideoFrame> out) throws Exception {
    List<VideoFrame> due = new ArrayList<>();
    for (Map.Entry<Long, VideoFrame> entry : pending.entries()) {
      if (entry.getValue().eventTime <= timestamp) {
        due.add(entry.getValue());
      }
    }
    due.sort(Comparator.comparingLong((VideoFrame f) -> f.eventTime).thenComparingLong(f -> f.positionMs));
    for (VideoFrame frame : due) {
      pending.remove(frame.positionMs);
      decide(frame, ctx, out);
    }
    AnalysedFrame last = lastAnalysed.value();
    if (last != null && timestamp >= last.eventTime + maxGapMs) {
      lastAnalysed.clear();
    }
  }

  private void decide(VideoFrame frame, Context ctx, Collector<VideoFrame> out) throws Exception {
    AnalysedFrame last = lastAnalysed.value();
    if (last != null
        && frame.positionMs - last.positionMs < maxGapMs
        && frame.positionMs >= last.positionMs
        && FrameHash.hamming(frame.dHash, last.dHash) <= hammingThreshold) {
      skipped.inc();
      frame.inheritsFromMs = last.positionMs;
      frame.jpeg = null;
      ctx.output(SKIPPED, frame);
      return;
    }
    analysed.inc();
    frame.inheritsFromMs = null;
    // A late frame from before the last analysed one must not move the reference backwards.
    if (last == null || frame.positionMs >= last.positionMs) {
      lastAnalysed.update(AnalysedFrame.of(frame));
      ctx.timerService().registerEventTimeTimer(frame.eventTime + maxGapMs);
    }
    out.collect(frame);
  }
}
