package io.cuepoint.operators.timeline;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MediaContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
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
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-media timeline (keyed by media id): sliding event-time windows over the detections,
 * aligned to the epoch like Flink's sliding windows, each emitted as a {@link MediaContext} with
 * the match state at the window's end and the events of interest raised in it. Windows are combined
 * from slide-long panes when they fire, so each detection is stored once.
 */
public class MediaTimelineFunction
    extends KeyedCoProcessFunction<String, Detection, MatchUpdate, MediaContext> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      DeadLetterTag.DEAD_LETTERS;

  private static final String INPUT = "detections";
  private static final Comparator<EventOfInterest> BY_TIME_THEN_ID =
      Comparator.comparing((EventOfInterest e) -> e.eventTime).thenComparing(e -> e.id);

  private final long windowSizeMs;
  private final long windowSlideMs;
  private final double minConfidence;
  private final long mediaIdleTimeoutMs;

  /** Detections by pane index (event time divided by the slide). */
  private transient MapState<Long, DetectionPane> detectionPanes;

  /** Match updates by pane index, for the windows not yet fired. */
  private transient MapState<Long, MatchPane> matchPanes;

  /** The latest match state of the panes already dropped. */
  private transient ValueState<MatchPane> matchBeforePanes;

  /** Newest event time from either input: tells the idle-cleanup timer from the stale ones. */
  private transient ValueState<Long> lastActivity;

  private transient Counter windowsEmitted;
  private transient Counter lateDetections;

  public MediaTimelineFunction(TimelineSettings settings) {
    settings.validate();
    this.windowSizeMs = settings.windowSizeMs;
    this.windowSlideMs = settings.windowSlideMs;
    this.minConfidence = settings.minConfidence;
    this.mediaIdleTimeoutMs = settings.mediaIdleTimeoutMs;
  }

  @Override
  public void open(OpenContext openContext) {
    detectionPanes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "detectionPanes", Types.LONG, TypeInformation.of(DetectionPane.class)));
    matchPanes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "matchPanes", Types.LONG, TypeInformation.of(MatchPane.class)));
    matchBeforePanes =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "matchBeforePanes", TypeInformation.of(MatchPane.class)));
    lastActivity =
        getRuntimeContext().getState(new ValueStateDescriptor<>("lastActivity", Types.LONG));
    windowsEmitted = getRuntimeContext().getMetricGroup().counter("timelineWindowsEmitted");
    lateDetections = getRuntimeContext().getMetricGroup().counter("detectionsLate");
  }

  @Override
  public void processElement1(Detection detection, Context ctx, Collector<MediaContext> out)
      throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    if (detection.eventTime <= watermark) {
      lateDetections.inc();
      ctx.output(
          DEAD_LETTERS,
          DeadLetters.of(
              INPUT,
              "late: eventTime " + detection.eventTime + " is behind the watermark " + watermark,
              RecordCodec.encode(detection),
              ctx.timerService().currentProcessingTime()));
      return;
    }
    long paneIndex = Math.floorDiv(detection.eventTime, windowSlideMs);
    DetectionPane pane = detectionPanes.get(paneIndex);
    if (pane == null) {
      pane = new DetectionPane();
    }
    pane.add(detection, minConfidence);
    detectionPanes.put(paneIndex, pane);

    long paneStart = paneIndex * windowSlideMs;
    for (long end = paneStart + windowSlideMs;
        end <= paneStart + windowSizeMs;
        end += windowSlideMs) {
      ctx.timerService().registerEventTimeTimer(end - 1);
    }
    touch(detection.eventTime, ctx.timerService());
  }

  @Override
  public void processElement2(MatchUpdate update, Context ctx, Collector<MediaContext> out)
      throws Exception {
    long paneIndex = Math.floorDiv(update.eventTime, windowSlideMs);
    MatchPane pane = matchPanes.get(paneIndex);
    boolean newPane = pane == null;
    if (newPane) {
      pane = new MatchPane();
    }
    pane.add(update);
    matchPanes.put(paneIndex, pane);
    if (newPane) {
      dropMatchPanesBefore(firstPaneOfUnfiredWindows(ctx.timerService().currentWatermark()));
    }
    touch(update.eventTime, ctx.timerService());
  }

  // One timestamp can be both a window's last millisecond and the idle cleanup: Flink merges them.
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MediaContext> out)
      throws Exception {
    long windowEnd = timestamp + 1;
    if (Math.floorMod(windowEnd, windowSlideMs) == 0) {
      fireWindow(ctx.getCurrentKey(), windowEnd, out);
    }
    Long last = lastActivity.value();
    if (last == null) {
      return;
    }
    if (timestamp >= last + mediaIdleTimeoutMs) {
      detectionPanes.clear();
      matchPanes.clear();
      matchBeforePanes.clear();
      lastActivity.clear();
    } else {
      // Move the one idle timer on to the newest activity (see touch); a duplicate is merged.
      ctx.timerService().registerEventTimeTimer(last + mediaIdleTimeoutMs);
    }
  }

  private void fireWindow(String mediaId, long windowEnd, Collector<MediaContext> out)
      throws Exception {
    long firstPane = Math.floorDiv(windowEnd - windowSizeMs, windowSlideMs);
    long lastPane = Math.floorDiv(windowEnd, windowSlideMs) - 1;
    List<DetectionPane> panes = new ArrayList<>();
    for (long i = firstPane; i <= lastPane; i++) {
      DetectionPane pane = detectionPanes.get(i);
      if (pane != null) {
        panes.add(pane);
      }
    }
    // Later windows all start after the first pane of this one.
    detectionPanes.remove(firstPane);
    if (panes.isEmpty()) {
      return;
    }
    // One pass over the match panes gives both the match state and the events of interest.
    MatchPane latest = new MatchPane();
    MatchPane before = matchBeforePanes.value();
    if (before != null) {
      latest.keepLatest(before.latestEventTime, before.latestSnapshot);
    }
    List<EventOfInterest> raised = new ArrayList<>();
    for (Map.Entry<Long, MatchPane> entry : matchPanes.entries()) {
      long index = entry.getKey();
      if (index <= lastPane) {
        MatchPane pane = entry.getValue();
        latest.keepLatest(pane.latestEventTime, pane.latestSnapshot);
        if (index >= firstPane) {
          raised.addAll(Arrays.asList(pane.eventsOfInterest));
        }
      }
    }
    raised.sort(BY_TIME_THEN_ID);
    out.collect(
        MediaContexts.of(
            mediaId,
            windowEnd,
            windowSizeMs,
            panes,
            latest.latestSnapshot,
            raised.toArray(new EventOfInterest[0])));
    windowsEmitted.inc();
  }

  /**
   * The first pane a window not yet fired can cover. Timers up to the watermark have fired, so the
   * earliest unfired window ends at the first slide boundary after watermark + 1.
   */
  private long firstPaneOfUnfiredWindows(long watermark) {
    return Math.floorDiv(watermark + 1, windowSlideMs) + 1 - windowSizeMs / windowSlideMs;
  }

  private void dropMatchPanesBefore(long firstNeeded) throws Exception {
    MatchPane before = matchBeforePanes.value();
    boolean dropped = false;
    Iterator<Map.Entry<Long, MatchPane>> entries = matchPanes.iterator();
    while (entries.hasNext()) {
      Map.Entry<Long, MatchPane> entry = entries.next();
      if (entry.getKey() < firstNeeded) {
        if (before == null) {
          before = new MatchPane();
        }
        before.keepLatest(entry.getValue().latestEventTime, entry.getValue().latestSnapshot);
        entries.remove();
        dropped = true;
      }
    }
    if (dropped) {
      matchBeforePanes.update(before);
    }
  }

  /**
   * Keeps the newest event time. A media has one idle timer, not one per record: it is set at the
   * first activity and moved on to the newest activity whenever a timer finds the media still
   * active, so it fires at the same event time a timer per record would have, with a timer queue a
   * hundred times shorter.
   */
  private void touch(long eventTime, TimerService timers) throws Exception {
    Long last = lastActivity.value();
    if (last == null) {
      timers.registerEventTimeTimer(eventTime + mediaIdleTimeoutMs);
    }
    if (last == null || eventTime > last) {
      lastActivity.update(eventTime);
    }
  }
}
