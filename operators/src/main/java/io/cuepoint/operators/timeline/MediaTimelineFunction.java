package io.cuepoint.operators.timeline;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-media timeline (keyed by media id): sliding event-time windows over the detections,
 * aligned to the epoch like Flink's sliding windows, each emitted as a {@link MediaContext} with
 * the match state at the window's end and the events of interest raised in it. Windows are combined
 * from slide-long panes when they are due, so each detection is stored once.
 *
 * <p>A media has at most two event-time timers: one at the last millisecond of its next window to
 * emit and its idle timer. Whichever fires emits every window the watermark has passed, in order,
 * so a watermark that jumps over several windows costs one timer, not one per window.
 */
public class MediaTimelineFunction
    extends KeyedCoProcessFunction<String, Detection, MatchUpdate, MediaContext> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      DeadLetterTag.DEAD_LETTERS;

  private static final String INPUT = "detections";
  private static final EventOfInterest[] NONE_RAISED = new EventOfInterest[0];
  private static final Comparator<EventOfInterest> BY_TIME_THEN_ID =
      Comparator.comparing((EventOfInterest e) -> e.eventTime).thenComparing(e -> e.id);

  private final long windowSizeMs;
  private final long windowSlideMs;
  private final long panesPerWindow;
  private final double minConfidence;
  private final long mediaIdleTimeoutMs;

  private transient ValueState<MediaTimeline> timeline;
  private transient WindowItems items;
  private transient ItemNames itemNames;

  private transient Counter windowsEmitted;
  private transient Counter lateDetections;

  public MediaTimelineFunction(TimelineSettings settings) {
    settings.validate();
    this.windowSizeMs = settings.windowSizeMs;
    this.windowSlideMs = settings.windowSlideMs;
    this.panesPerWindow = settings.windowSizeMs / settings.windowSlideMs;
    this.minConfidence = settings.minConfidence;
    this.mediaIdleTimeoutMs = settings.mediaIdleTimeoutMs;
  }

  @Override
  public void open(OpenContext openContext) {
    timeline =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "mediaTimeline", TypeInformation.of(MediaTimeline.class)));
    items = new WindowItems();
    itemNames = new ItemNames();
    windowsEmitted = getRuntimeContext().getMetricGroup().counter("timelineWindowsEmitted");
    lateDetections = getRuntimeContext().getMetricGroup().counter("detectionsLate");
  }

  @Override
  public void processElement1(Detection detection, Context ctx, Collector<MediaContext> out)
      throws Exception {
    TimerService timers = ctx.timerService();
    long watermark = timers.currentWatermark();
    if (detection.eventTime <= watermark) {
      lateDetections.inc();
      ctx.output(
          DEAD_LETTERS,
          DeadLetters.of(
              INPUT,
              "late: eventTime " + detection.eventTime + " is behind the watermark " + watermark,
              RecordCodec.encode(detection),
              timers.currentProcessingTime()));
      return;
    }
    MediaTimeline t = touch(detection.eventTime, timers);
    long paneIndex = Math.floorDiv(detection.eventTime, windowSlideMs);
    t.detectionPane(paneIndex).add(detection, minConfidence, itemNames);

    // The pane's first window ends after the watermark, so it is not due yet.
    long firstWindowEnd = (paneIndex + 1) * windowSlideMs;
    if (firstWindowEnd < t.nextWindowEnd) {
      // A timer at the idle timer's time is also the idle timer: Flink keeps one per time.
      if (t.nextWindowEnd != MediaTimeline.NO_WINDOW && t.nextWindowEnd - 1 != t.idleTimer) {
        timers.deleteEventTimeTimer(t.nextWindowEnd - 1);
      }
      t.nextWindowEnd = firstWindowEnd;
      timers.registerEventTimeTimer(firstWindowEnd - 1);
    }
    timeline.update(t);
  }

  @Override
  public void processElement2(MatchUpdate update, Context ctx, Collector<MediaContext> out)
      throws Exception {
    MediaTimeline t = touch(update.eventTime, ctx.timerService());
    long paneIndex = Math.floorDiv(update.eventTime, windowSlideMs);
    MatchPane pane = t.matchPane(paneIndex);
    if (pane == null) {
      pane = new MatchPane();
      pane.index = paneIndex;
      pane.add(update);
      t.addMatchPane(pane);
      t.dropMatchPanesBefore(firstPaneOfUnfiredWindows(ctx.timerService().currentWatermark()));
    } else {
      pane.add(update);
    }
    timeline.update(t);
  }

  /**
   * The window timer, the idle timer, or both at once: either way every window due by the
   * watermark is emitted, and a media idle by the watermark is cleared after its last windows.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MediaContext> out)
      throws Exception {
    MediaTimeline t = timeline.value();
    if (t == null) {
      // The idle timer of a media cleared by its window timer in the same watermark.
      return;
    }
    TimerService timers = ctx.timerService();
    long watermark = timers.currentWatermark();
    long nextWindowEnd = t.nextWindowEnd;
    emitDueWindows(ctx.getCurrentKey(), t, watermark, out);
    if (watermark >= t.lastActivity + mediaIdleTimeoutMs) {
      timeline.clear();
      return;
    }
    if (t.nextWindowEnd != nextWindowEnd && t.nextWindowEnd != MediaTimeline.NO_WINDOW) {
      timers.registerEventTimeTimer(t.nextWindowEnd - 1);
    }
    if (timestamp == t.idleTimer) {
      // Move the one idle timer on to the newest activity (see touch).
      t.idleTimer = t.lastActivity + mediaIdleTimeoutMs;
      timers.registerEventTimeTimer(t.idleTimer);
    }
    timeline.update(t);
  }

  /** Emits the windows whose last millisecond the watermark has passed, oldest first. */
  private void emitDueWindows(
      String mediaId, MediaTimeline t, long watermark, Collector<MediaContext> out) {
    DetectionPane[] panes = t.detectionPanes;
    int from = 0;
    long windowEnd = t.nextWindowEnd;
    items.forget();
    while (windowEnd != MediaTimeline.NO_WINDOW && windowEnd - 1 <= watermark) {
      long lastPane = windowEnd / windowSlideMs - 1;
      long firstPane = lastPane - panesPerWindow + 1;
      // Panes before the window were dropped when their last window was emitted.
      int to = from;
      while (to < panes.length && panes[to].index <= lastPane) {
        to++;
      }
      if (to > from) {
        if (!items.covers(panes, from, to)) {
          items.combine(panes, from, to);
        }
        emit(mediaId, windowEnd, t, firstPane, lastPane, out);
      }
      // Later windows all start after the first pane of this one.
      if (panes[from].index == firstPane) {
        from++;
      }
      windowEnd =
          from == panes.length
              ? MediaTimeline.NO_WINDOW
              : Math.max(windowEnd + windowSlideMs, (panes[from].index + 1) * windowSlideMs);
    }
    if (from > 0) {
      t.detectionPanes = Arrays.copyOfRange(panes, from, panes.length);
    }
    t.nextWindowEnd = windowEnd;
  }

  private void emit(
      String mediaId,
      long windowEnd,
      MediaTimeline t,
      long firstPane,
      long lastPane,
      Collector<MediaContext> out) {
    // One pass over the match panes gives both the match state and the events of interest.
    Long latestTime = null;
    MatchSnapshot latest = null;
    if (t.matchBeforePanes != null) {
      latestTime = t.matchBeforePanes.latestEventTime;
      latest = t.matchBeforePanes.latestSnapshot;
    }
    int raisedCount = 0;
    for (MatchPane pane : t.matchPanes) {
      if (pane.index > lastPane) {
        break;
      }
      if (latestTime == null || pane.latestEventTime >= latestTime) {
        latestTime = pane.latestEventTime;
        latest = pane.latestSnapshot;
      }
      if (pane.index >= firstPane) {
        raisedCount += pane.eventsOfInterest.length;
      }
    }
    EventOfInterest[] raised =
        raisedCount == 0 ? NONE_RAISED : raised(t, firstPane, lastPane, raisedCount);
    // Each window carries its own last millisecond, as if it had its own timer.
    if (out instanceof TimestampedCollector) {
      ((TimestampedCollector<?>) out).setAbsoluteTimestamp(windowEnd - 1);
    }
    out.collect(MediaContexts.of(mediaId, windowEnd, windowSizeMs, items, latest, raised));
    windowsEmitted.inc();
  }

  private static EventOfInterest[] raised(
      MediaTimeline t, long firstPane, long lastPane, int count) {
    EventOfInterest[] raised = new EventOfInterest[count];
    int n = 0;
    for (MatchPane pane : t.matchPanes) {
      if (pane.index > lastPane) {
        break;
      }
      if (pane.index >= firstPane) {
        System.arraycopy(pane.eventsOfInterest, 0, raised, n, pane.eventsOfInterest.length);
        n += pane.eventsOfInterest.length;
      }
    }
    Arrays.sort(raised, BY_TIME_THEN_ID);
    return raised;
  }

  /**
   * The first pane a window not yet emitted can cover. Windows ending up to watermark + 1 are
   * emitted, so the earliest one left ends at the first slide boundary after watermark + 1.
   */
  private long firstPaneOfUnfiredWindows(long watermark) {
    return Math.floorDiv(watermark + 1, windowSlideMs) + 1 - panesPerWindow;
  }

  /**
   * The media's state with this activity counted. A media has one idle timer, not one per record:
   * it is set at the first activity and moved on to the newest activity whenever it finds the media
   * still active, so it fires at the same event time a timer per record would have.
   */
  private MediaTimeline touch(long eventTime, TimerService timers) throws Exception {
    MediaTimeline t = timeline.value();
    if (t == null) {
      t = new MediaTimeline();
      t.lastActivity = eventTime;
      t.idleTimer = eventTime + mediaIdleTimeoutMs;
      timers.registerEventTimeTimer(t.idleTimer);
    } else if (eventTime > t.lastActivity) {
      t.lastActivity = eventTime;
    }
    return t;
  }
}
