package io.cuepoint.operators.match;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
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
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Follows each media's match (keyed by media id) and raises its events of interest. Events are
 * buffered until the watermark passes them and then handled in event-time order, so a replay, or
 * the same events arriving in another order within the out-of-orderness bound, gives the same
 * output. Emits one {@link MatchUpdate} per accepted match event.
 */
public class EventsOfInterestFunction
    extends KeyedProcessFunction<String, MatchEvent, MatchUpdate> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      DeadLetterTag.DEAD_LETTERS;

  private static final String INPUT = "match-events";
  // Ties at one timestamp are broken by id, not by arrival, to keep the output deterministic.
  private static final Comparator<MatchEvent> BY_EVENT_ID = Comparator.comparing(e -> e.eventId);

  private final long mediaIdleTimeoutMs;
  private final SeenEventIds seenEventIds;

  /** In the order their events of interest appear in an update. */
  private final EventOfInterestRule[] rules;

  /** Accepted events waiting for the watermark, by event time. */
  private transient MapState<Long, MatchEvent[]> pendingEvents;

  /** Newest accepted event time: tells the idle-cleanup timer from the stale ones. */
  private transient ValueState<Long> lastEventTime;

  private transient ValueState<MatchSnapshot> snapshot;

  private transient Counter duplicatesDropped;
  private transient Counter lateEvents;
  private transient Counter eventsProcessed;
  private transient Map<EventOfInterestType, Counter> raised;

  public EventsOfInterestFunction(EventsOfInterestSettings settings) {
    settings.validate();
    this.mediaIdleTimeoutMs = settings.mediaIdleTimeoutMs;
    this.seenEventIds = new SeenEventIds(settings.seenIdRetentionMs());
    this.rules =
        new EventOfInterestRule[] {
          new GoalFlurryRule(settings),
          new CloseFinishRule(settings),
          new RedCardRule(),
          new SocialSurgeRule(settings)
        };
  }

  @Override
  public void open(OpenContext openContext) {
    pendingEvents =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pendingMatchEvents", Types.LONG, TypeInformation.of(MatchEvent[].class)));
    lastEventTime =
        getRuntimeContext().getState(new ValueStateDescriptor<>("lastMatchEventTime", Types.LONG));
    snapshot =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "matchSnapshot", TypeInformation.of(MatchSnapshot.class)));
    seenEventIds.open(getRuntimeContext());
    for (EventOfInterestRule rule : rules) {
      rule.open(getRuntimeContext());
    }

    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    duplicatesDropped = metrics.counter("matchEventsDuplicate");
    lateEvents = metrics.counter("matchEventsLate");
    eventsProcessed = metrics.counter("matchEventsProcessed");
    raised = new EnumMap<>(EventOfInterestType.class);
    for (EventOfInterestType type : EventOfInterestType.values()) {
      raised.put(
          type,
          metrics.addGroup("eventOfInterestType", type.name()).counter("eventsOfInterestRaised"));
    }
  }

  @Override
  public void processElement(MatchEvent event, Context ctx, Collector<MatchUpdate> out)
      throws Exception {
    if (seenEventIds.contains(event)) {
      duplicatesDropped.inc();
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    if (event.eventTime <= watermark) {
      lateEvents.inc();
      ctx.output(
          DEAD_LETTERS,
          DeadLetters.of(
              INPUT,
              "late: eventTime " + event.eventTime + " is behind the watermark " + watermark,
              RecordCodec.encode(event),
              ctx.timerService().currentProcessingTime()));
      return;
    }
    seenEventIds.add(event);
    pendingEvents.put(event.eventTime, append(pendingEvents.get(event.eventTime), event));
    ctx.timerService().registerEventTimeTimer(event.eventTime);

    Long last = lastEventTime.value();
    if (last == null || event.eventTime > last) {
      lastEventTime.update(event.eventTime);
      ctx.timerService().registerEventTimeTimer(event.eventTime + mediaIdleTimeoutMs);
    }
  }

  // One timestamp can carry both due events and the idle cleanup: Flink merges equal timers.
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MatchUpdate> out)
      throws Exception {
    MatchEvent[] due = pendingEvents.get(timestamp);
    if (due != null) {
      pendingEvents.remove(timestamp);
      Arrays.sort(due, BY_EVENT_ID);
      for (MatchEvent event : due) {
        out.collect(process(event));
      }
      seenEventIds.prune(timestamp);
    }
    Long last = lastEventTime.value();
    if (last != null && timestamp >= last + mediaIdleTimeoutMs) {
      clearMedia();
    }
  }

  private MatchUpdate process(MatchEvent event) throws Exception {
    MatchSnapshot before = snapshot.value();
    MatchSnapshot after =
        MatchSnapshots.apply(before == null ? MatchSnapshots.beforeKickOff() : before, event);
    snapshot.update(after);

    List<EventOfInterest> raisedByEvent = new ArrayList<>();
    for (EventOfInterestRule rule : rules) {
      EventOfInterest eventOfInterest = rule.onEvent(event, after);
      if (eventOfInterest != null) {
        raisedByEvent.add(eventOfInterest);
        raised.get(rule.type()).inc();
      }
    }
    eventsProcessed.inc();
    return new MatchUpdate(
        event.mediaId, event.eventTime, after, raisedByEvent.toArray(new EventOfInterest[0]));
  }

  private void clearMedia() {
    pendingEvents.clear();
    lastEventTime.clear();
    snapshot.clear();
    seenEventIds.clear();
    for (EventOfInterestRule rule : rules) {
      rule.clear();
    }
  }

  private static MatchEvent[] append(MatchEvent[] events, MatchEvent event) {
    if (events == null) {
      return new MatchEvent[] {event};
    }
    MatchEvent[] grown = Arrays.copyOf(events, events.length + 1);
    grown[events.length] = event;
    return grown;
  }
}
