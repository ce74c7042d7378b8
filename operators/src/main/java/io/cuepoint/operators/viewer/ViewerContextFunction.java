package io.cuepoint.operators.viewer;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Follows the viewers of each media (keyed by media id) together with the media's live context,
 * and asks for a decision when one is due: when a viewer joins, for every viewer when an event of
 * interest is raised on the media, and when the products on screen change (at most once per
 * viewer per decision interval). The business rules are applied here, where the viewer's profile
 * and history are, so only widgets a viewer may be offered reach the ranker.
 *
 * <p>Both inputs are buffered until the watermark passes them and handled in event-time order,
 * live updates before viewer events of the same millisecond, so a replay gives the same decisions
 * whatever the interleaving of the inputs. Viewers who leave are removed at once; viewers silent
 * for the idle timeout, and a media's live context after its own idle timeout, are removed by
 * event-time sweeps.
 */
public class ViewerContextFunction
    extends KeyedCoProcessFunction<String, ViewerEvent, LiveUpdate, DecisionRequest> {
  private static final long serialVersionUID = 1L;

  /** Interactions with their live context, for the Personalize event tracker. */
  public static final OutputTag<ViewerFeedback> FEEDBACK =
      new OutputTag<>("viewer-feedback", TypeInformation.of(ViewerFeedback.class));

  private static final String INPUT = "viewer-events";
  private static final long MIN_SWEEP_STEP_MS = 1_000L;

  // Ties at one timestamp are broken by content, not by arrival, to keep the output deterministic.
  private static final Comparator<ViewerEvent> SAME_TIME_ORDER =
      Comparator.comparing((ViewerEvent e) -> e.viewerId)
          .thenComparing(e -> e.type)
          .thenComparing(e -> e.itemId == null ? "" : e.itemId)
          .thenComparing(e -> e.interaction == null ? "" : e.interaction.name())
          .thenComparing(e -> e.positionMs == null ? 0L : e.positionMs);
  private static final Comparator<LiveUpdate> MATCH_BEFORE_SCREEN =
      Comparator.comparing(LiveUpdate::fromScreen);

  private final ViewerSettings settings;
  private final WidgetCatalog widgets;
  private final ProductCatalog products;
  private final EligibilityRules rules;
  private final ContextMapBuilder contexts;
  private final long sweepStepMs;

  private transient MapState<String, ViewerState> viewers;
  private transient ValueState<LiveContext> live;
  private transient MapState<Long, ViewerEvent[]> pendingViewerEvents;
  private transient MapState<Long, LiveUpdate[]> pendingLiveUpdates;

  private transient Counter joined;
  private transient Counter left;
  private transient Counter expired;
  private transient Counter rateLimited;
  private transient Counter nothingToOffer;
  private transient Counter feedback;
  private transient Counter deadLetters;
  private transient Map<DecisionMoment, Counter> decisions;

  public ViewerContextFunction(
      ViewerSettings settings,
      WidgetCatalog widgets,
      ProductCatalog products,
      ContextMapBuilder contexts) {
    settings.validate();
    this.settings = settings;
    this.widgets = widgets;
    this.products = products;
    this.rules = new EligibilityRules(widgets);
    this.contexts = contexts;
    this.sweepStepMs = Math.max(MIN_SWEEP_STEP_MS, settings.viewerIdleTimeoutMs / 10);
  }

  @Override
  public void open(OpenContext openContext) {
    viewers =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "viewers", Types.STRING, TypeInformation.of(ViewerState.class)));
    live =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("liveContext", TypeInformation.of(LiveContext.class)));
    pendingViewerEvents =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pendingViewerEvents", Types.LONG, TypeInformation.of(ViewerEvent[].class)));
    pendingLiveUpdates =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pendingLiveUpdates", Types.LONG, TypeInformation.of(LiveUpdate[].class)));

    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    joined = metrics.counter("viewersJoined");
    left = metrics.counter("viewersLeft");
    expired = metrics.counter("viewersExpired");
    rateLimited = metrics.counter("productDecisionsRateLimited");
    nothingToOffer = metrics.counter("decisionsWithNothingToOffer");
    feedback = metrics.counter("viewerFeedbackEvents");
    deadLetters = metrics.counter("viewerDeadLetters");
    decisions = new EnumMap<>(DecisionMoment.class);
    for (DecisionMoment m : DecisionMoment.values()) {
      decisions.put(m, metrics.addGroup("moment", m.name()).counter("decisionsRequested"));
    }
  }

  @Override
  public void processElement1(ViewerEvent event, Context ctx, Collector<DecisionRequest> out)
      throws Exception {
    pendingViewerEvents.put(event.eventTime, append(pendingViewerEvents.get(event.eventTime), event));
    ctx.timerService().registerEventTimeTimer(event.eventTime);
  }

  @Override
  public void processElement2(LiveUpdate update, Context ctx, Collector<DecisionRequest> out)
      throws Exception {
    pendingLiveUpdates.put(update.eventTime, append(pendingLiveUpdates.get(update.eventTime), update));
    ctx.timerService().registerEventTimeTimer(update.eventTime);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    LiveUpdate[] updates = pendingLiveUpdates.get(timestamp);
    if (updates != null) {
      pendingLiveUpdates.remove(timestamp);
      Arrays.sort(updates, MATCH_BEFORE_SCREEN);
      for (LiveUpdate u : updates) {
        onLiveUpdate(u, timestamp, ctx, out);
      }
    }
    ViewerEvent[] events = pendingViewerEvents.get(timestamp);
    if (events != null) {
      pendingViewerEvents.remove(timestamp);
      Arrays.sort(events, SAME_TIME_ORDER);
      for (ViewerEvent e : events) {
        onViewerEvent(e, timestamp, ctx, out);
      }
    }
    if (updates != null || events != null) {
      scheduleSweep(timestamp, ctx);
    }
    if (timestamp % sweepStepMs == 0) {
      sweep(timestamp, ctx);
    }
  }

  private void onLiveUpdate(
      LiveUpdate u, long time, OnTimerContext ctx, Collector<DecisionRequest> out) throws Exception {
    LiveContext current = live.value();
    if (current == null) {
      current = new LiveContext();
    }
    current.updatedAt = time;
    if (!u.fromScreen()) {
      current.match = u.match;
      live.update(current);
      for (EventOfInterest eventOfInterest : u.eventsOfInterest) {
        forEveryViewer(time, DecisionMoment.EVENT_OF_INTEREST, eventOfInterest, current, ctx, out);
      }
      return;
    }
    boolean changed = u.products.length > 0 && !Arrays.equals(u.products, current.products);
    current.products = u.products;
    current.labels = u.labels;
    live.update(current);
    if (changed) {
      forEveryViewer(time, DecisionMoment.PRODUCTS_CHANGED, null, current, ctx, out);
    }
  }

  private void forEveryViewer(
      long time,
      DecisionMoment moment,
      EventOfInterest trigger,
      LiveContext current,
      OnTimerContext ctx,
      Collector<DecisionRequest> out)
      throws Exception {
    for (Iterator<Map.Entry<String, ViewerState>> it = viewers.iterator(); it.hasNext(); ) {
      Map.Entry<String, ViewerState> entry = it.next();
      ViewerState v = entry.getValue();
      if (silent(v, time)) {
        continue;
      }
      if (moment == DecisionMoment.PRODUCTS_CHANGED
          && v.lastDecisionAt != null
          && time - v.lastDecisionAt < settings.decisionIntervalMs) {
        rateLimited.inc();
        continue;
      }
      if (decide(v, time, moment, trigger, current, ctx.getCurrentKey(), out)) {
        entry.setValue(v);
      }
    }
  }

  private void onViewerEvent(
      ViewerEvent e, long time, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    if (e.type == ViewerEventType.LEAVE) {
      if (viewers.contains(e.viewerId)) {
        viewers.remove(e.viewerId);
        left.inc();
      }
      return;
    }
    ViewerState v = viewers.get(e.viewerId);
    if (v == null) {
      v = new ViewerState();
      v.viewerId = e.viewerId;
      v.sessionId = e.viewerId + "-" + time;
    }
    v.lastSeenAt = time;
    v.positionMs = e.positionMs;
    switch (e.type) {
      case JOIN:
        v.profile = e.profile == null ? new StringMap() : e.profile;
        joined.inc();
        if (ViewerProfiles.unreadableAge(v.profile)) {
          deadLetter(ctx, e, "profile.age: '" + v.profile.get("age")
              + "' is not an age; the viewer is treated as having no age on record");
        }
        decide(v, time, DecisionMoment.JOIN, null, live.value(), ctx.getCurrentKey(), out);
        break;
      case INTERACTION:
        onInteraction(v, e, time, ctx);
        break;
      default:
        break;
    }
    viewers.put(e.viewerId, v);
  }

  private void onInteraction(ViewerState v, ViewerEvent e, long time, OnTimerContext ctx)
      throws Exception {
    boolean widget = widgets.contains(e.itemId);
    // With no catalogs configured every item is unknown: that is not bad input, engagement is off.
    boolean noCatalogs = widgets.widgets().isEmpty() && products.size() == 0;
    if (!widget && !products.contains(e.itemId) && !noCatalogs) {
      deadLetter(ctx, e, "itemId: '" + e.itemId + "' is neither a widget nor a product of the catalogs");
      return;
    }
    if (widget) {
      switch (e.interaction) {
        case VIEW:
          v.viewed(e.itemId, time);
          break;
        case DISMISS:
          v.dismissed(e.itemId, time);
          break;
        default:
          break;
      }
    }
    ViewerFeedback f = new ViewerFeedback();
    f.viewerId = v.viewerId;
    f.mediaId = ctx.getCurrentKey();
    f.sessionId = v.sessionId;
    f.itemId = e.itemId;
    String name = e.interaction.name().toLowerCase(Locale.ROOT);
    f.eventType = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    f.eventTime = time;
    f.context = contexts.build(ctx.getCurrentKey(), live.value(), v, null);
    ctx.output(FEEDBACK, f);
    feedback.inc();
  }

  /** Asks for a decision unless there is nothing the viewer may be offered. */
  private boolean decide(
      ViewerState v,
      long time,
      DecisionMoment moment,
      EventOfInterest trigger,
      LiveContext current,
      String mediaId,
      Collector<DecisionRequest> out) {
    String[] eligible = rules.eligible(v, time);
    String[] candidates =
        current == null ? new String[0] : products.offerCandidates(current.products);
    if (eligible.length == 0 && candidates.length == 0) {
      nothingToOffer.inc();
      return false;
    }
    DecisionRequest r = new DecisionRequest();
    r.id =
        mediaId + "/" + v.viewerId + "/" + time + "/" + moment
            + (trigger == null ? "" : "/" + trigger.type);
    r.viewerId = v.viewerId;
    r.mediaId = mediaId;
    r.eventTime = time;
    r.positionMs = v.positionAt(time);
    r.moment = moment;
    r.segment = ViewerProfiles.segment(v.profile);
    r.context = contexts.build(mediaId, current, v, trigger);
    r.widgets = eligible;
    r.offerCandidates = candidates;
    r.discountPercent = settings.discountPercent;
    out.collect(r);
    v.lastDecisionAt = time;
    decisions.get(moment).inc();
    return true;
  }

  private boolean silent(ViewerState v, long time) {
    return v.lastSeenAt != null && v.lastSeenAt + settings.viewerIdleTimeoutMs <= time;
  }

  private void scheduleSweep(long time, Context ctx) {
    ctx.timerService().registerEventTimeTimer((Math.floorDiv(time, sweepStepMs) + 1) * sweepStepMs);
  }

  /** Removes silent viewers and an idle live context; keeps sweeping while anything is left. */
  private void sweep(long time, OnTimerContext ctx) throws Exception {
    boolean viewersLeft = false;
    for (Iterator<Map.Entry<String, ViewerState>> it = viewers.iterator(); it.hasNext(); ) {
      if (silent(it.next().getValue(), time)) {
        it.remove();
        expired.inc();
      } else {
        viewersLeft = true;
      }
    }
    if (!viewersLeft) {
      viewers.clear();
    }
    LiveContext current = live.value();
    if (current != null && current.updatedAt + settings.mediaIdleTimeoutMs <= time) {
      live.clear();
      current = null;
    }
    if (viewersLeft || current != null) {
      scheduleSweep(time, ctx);
    }
  }

  private void deadLetter(Context ctx, ViewerEvent e, String reason) {
    deadLetters.inc();
    ctx.output(
        DeadLetterTag.DEAD_LETTERS,
        DeadLetters.of(INPUT, reason, RecordCodec.encode(e), ctx.timerService().currentProcessingTime()));
  }

  private static <T> T[] append(T[] items, T item) {
    if (items == null) {
      @SuppressWarnings("unchecked")
      T[] one = (T[]) java.lang.reflect.Array.newInstance(item.getClass(), 1);
      one[0] = item;
      return one;
    }
    T[] grown = Arrays.copyOf(items, items.length + 1);
    grown[items.length] = item;
    return grown;
  }
}
