package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.records.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per media (keyed by mediaId): gives each frame skipped as a near-duplicate the detections of
 * the analysed frame it inherits from, as {@code Detection} records at the skipped frame's own
 * position and event time (same source and items). Input 1: analysed frames with {@code
 * detection} filled in by a detector (one record per detector; no detection means nothing was
 * found). Input 2: skipped frames. A skipped frame waits for its analysed frame's detections
 * until the watermark passes its event time plus the wait; if none came by then it is given up
 * and counted. Analysed detections are kept until no skipped frame can still inherit from them
 * (their event time plus the maximum gap plus the wait).
 */
public class DetectionCarryForward
    extends KeyedCoProcessFunction<String, VideoFrame, VideoFrame, Detection> {
  private static final long serialVersionUID = 1L;

  private final long waitMs;
  private final long keepMs;

  private transient MapState<Long, AnalysedDetections> analysed;
  private transient MapState<Long, WaitingFrame> waiting;
  private transient Counter carried;
  private transient Counter inherited;
  private transient Counter givenUp;

  public DetectionCarryForward(FrameSettings settings) {
    settings.validate();
    this.waitMs = settings.carryForwardWaitMs;
    this.keepMs = settings.maxGapMs + settings.carryForwardWaitMs;
  }

  @Override
  public void open(OpenContext openContext) {
    analysed =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "carry-forward-analysed-detections",
                    Types.LONG,
                    TypeInformation.of(AnalysedDetections.class)));
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "carry-forward-waiting-frames", Types.LONG, TypeInformation.of(WaitingFrame.class)));
    carried = getRuntimeContext().getMetricGroup().counter("detectionsCarriedForward");
    inherited = getRuntimeContext().getMetricGroup().counter("framesInherited");
    givenUp = getRuntimeContext().getMetricGroup().counter("carryForwardsGivenUp");
  }

  @Override
  public void processElement1(VideoFrame frame, Context ctx, Collector<Detection> out) throws Exception {
    AnalysedDetections known = analysed.get(frame.positionMs);
    if (known == null) {
      known = new AnalysedDetections();
      known.eventTime = frame.eventTime;
      ctx.timerService().registerEventTimeTimer(frame.eventTime + keepMs);
    }
    if (frame.detection != null) {
      known.detections = withSource(known.detections, frame.detection);
    }
    analysed.put(frame.positionMs, known);
    List<Map.Entry<Long, WaitingFrame>> changed = new ArrayList<>();
    for (Map.Entry<Long, WaitingFrame> entry : waiting.entries()) {
      if (entry.getValue().frame.inheritsFromMs == frame.positionMs) {
        changed.add(entry);
      }
    }
    for (Map.Entry<Long, WaitingFrame> entry : changed) {
      carry(entry.getValue(), known, out);
      waiting.put(entry.getKey(), entry.getValue());
    }
  }

  @Override
  public void processElement2(VideoFrame frame, Context ctx, Collector<Detection> out) throws Exception {
    if (frame.inheritsFromMs == null) {
      return;
    }
    WaitingFrame w = new WaitingFrame();
    w.frame = frame;
    frame.jpeg = null;
    AnalysedDetections known = analysed.get(frame.inheritsFromMs);
    if (known != null) {
      carry(w, known, out);
    }
    waiting.put(frame.positionMs, w);
    ctx.timerService().registerEventTimeTimer(frame.eventTime + waitMs);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out) throws Exception {
    List<Long> done = new ArrayList<>();
    for (Map.Entry<Long, WaitingFrame> entry : waiting.entries()) {
      if (entry.getValue().frame.eventTime + waitMs <= timestamp) {
        done.add(entry.getKey());
        if (!entry.getValue().resolved) {
          givenUp.inc();
        }
      }
    }
    for (Long position : done) {
      waiting.remove(position);
    }
    List<Long> expired = new ArrayList<>();
    for (Map.Entry<Long, AnalysedDetections> entry : analysed.entries()) {
      if (entry.getValue().eventTime + keepMs <= timestamp) {
        expired.add(entry.getKey());
      }
    }
    for (Long position : expired) {
      analysed.remove(position);
    }
  }

  private void carry(WaitingFrame w, AnalysedDetections known, Collector<Detection> out) {
    if (!w.resolved) {
      w.resolved = true;
      inherited.inc();
    }
    for (Detection d : known.detections) {
      if (Arrays.asList(w.carriedSources).contains(d.source)) {
        continue;
      }
      w.carriedSources = append(w.carriedSources, d.source);
      if (d.items == null || d.items.length == 0) {
        continue;
      }
      Detection copy = new Detection();
      copy.mediaId = w.frame.mediaId;
      copy.positionMs = w.frame.positionMs;
      copy.eventTime = w.frame.eventTime;
      copy.source = d.source;
      copy.items = d.items.clone();
      carried.inc();
      out.collect(copy);
    }
  }

  /** The detections with this one added, or in place of an earlier one of the same source. */
  private static Detection[] withSource(Detection[] detections, Detection detection) {
    List<Detection> all = new ArrayList<>(detections.length + 1);
    for (Detection d : detections) {
      if (!Objects.equals(d.source, detection.source)) {
        all.add(d);
      }
    }
    all.add(detection);
    return all.toArray(new Detection[0]);
  }

  private static String[] append(String[] sources, String source) {
    String[] more = Arrays.copyOf(sources, sources.length + 1);
    more[sources.length] = source;
    return more;
  }
}
