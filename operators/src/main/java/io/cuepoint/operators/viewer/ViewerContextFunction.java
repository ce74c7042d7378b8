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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * event-time sweeps on a fixed grid. A media has one event-time timer, at the earliest time
 * something is due; when it fires, everything due up to the watermark is handled in time order.
 * A {@link ViewerIndex} of the media's viewers lets an occasion and a sweep read only the viewers
 * they act on.
 */
public class ViewerContextFunction
    extends KeyedCoProcessFunction<String, ViewerEvent, LiveUpdate, DecisionRequest> {
  private static final long serialVersionUID = 1L;

  /** Interactions with their live context, for the Personalize event tracker. */
  public static final OutputTag<ViewerFeedback> FEEDBACK =
      new OutputTag<>("viewer-feedback", TypeInformation.of(ViewerFeedback.class));

  private static final String INPUT = "viewer-events";
  private static final long MIN_SWEEP_STEP_MS = 1_000L;
  private static final String[] NONE = new String[0];

  private final ViewerSettings settings;
  private final WidgetCatalog widgets;
  private final ProductCatalog products;
  private final EligibilityRules rules;
  private final ContextMapBuilder contexts;
  private final long sweepStepMs;

  private transient MapState<String, ViewerState> viewers;
  private transient ValueState<MediaState> media;
  private transient ValueState<ViewerIndex> viewerIndex;
  /** The current media's viewer index during a timer firing, once read; saved as it ends. */
  private transient ViewerIndex firingIndex;

  private transient Counter joined;
  private transient Counter left;
  private transient Counter expired;
  private transient Counter rateLimited;
  private transient Counter nothingToOffer;
  private transient Counter feedback;
  private transient Counter deadLetters;
  /** By {@link DecisionMoment#ordinal()}. */
  private transient Counter[] decisions;

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
    media =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("media", TypeInformation.of(MediaState.class)));
    viewerIndex =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("viewer-index", TypeInformation.of(ViewerIndex.class)));

    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    joined = metrics.counter("viewersJoined");
    left = metrics.counter("viewersLeft");
    expired = metrics.counter("viewersExpired");
    rateLimited = metrics.counter("productDecisionsRateLimited");
    nothingToOffer = metrics.counter("decisionsWithNothingToOffer");
    feedback = metrics.counter("viewerFeedbackEvents");
    deadLetters = metrics.counter("viewerDeadLetters");
    decisions = new Counter[DecisionMoment.values().length];
    for (DecisionMoment m : DecisionMoment.values()) {
      decisions[m.ordinal()] = metrics.addGroup("moment", m.name()).counter("decisionsRequested");
    }
  }

  @Override
  public void processElement1(ViewerEvent event, Context ctx, Collector<DecisionRequest> out)
      throws Exception {
    MediaState m = mediaState();
    long due = m.nextDue();
    m.add(event);
    media.update(m);
    if (event.eventTime < due) {
      ctx.timerService().registerEventTimeTimer(event.eventTime);
    }
  }

  @Override
  public void processElement2(LiveUpdate update, Context ctx, Collector<DecisionRequest> out)
      throws Exception {
    MediaState m = mediaState();
    long due = m.nextDue();
    m.add(update);
    media.update(m);
    if (update.eventTime < due) {
      ctx.timerService().registerEventTimeTimer(update.eventTime);
    }
  }

  private MediaState mediaState() throws Exception {
    MediaState m = media.value();
    return m == null ? new MediaState() : m;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    MediaState m = media.value();
    if (m == null) {
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    firingIndex = null;
    while (!m.nothingDue() && m.nextDue() <= watermark) {
      handleDue(m.nextDue(), m, ctx, out);
    }
    saveIndex();
    m.compact();
    if (m.empty()) {
      media.clear();
      return;
    }
    media.update(m);
    if (!m.nothingDue()) {
      ctx.timerService().registerEventTimeTimer(m.nextDue());
    }
  }

  /** What one event-time timer per event time and sweep would do, at {@code time}. */
  private void handleDue(long time, MediaState m, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    LiveUpdate[] updates = m.takeLiveUpdates(time);
    ViewerEvent[] events = m.takeViewerEvents(time);
    m.takeSweep(time);
    for (LiveUpdate u : updates) {
      onLiveUpdate(u, time, m, ctx, out);
    }
    for (ViewerEvent e : events) {
      onViewerEvent(e, time, m, ctx, out);
    }
    if (updates.length > 0 || events.length > 0) {
      scheduleSweep(time, m);
    }
    if (time % sweepStepMs == 0) {
      sweep(time, m);
    }
  }

  private void onLiveUpdate(
      LiveUpdate u, long time, MediaState m, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    if (m.live == null) {
      m.live = new LiveContext();
    }
    LiveContext current = m.live;
    current.updatedAt = time;
    if (!u.fromScreen()) {
      current.match = u.match;
      for (EventOfInterest eventOfInterest : u.eventsOfInterest) {
        forEveryViewer(
            new Occasion(ctx.getCurrentKey(), time, DecisionMoment.EVENT_OF_INTEREST, eventOfInterest, current),
            out);
      }
      return;
    }
    boolean changed = u.products.length > 0 && !Arrays.equals(u.products, current.products);
    current.products = u.products;
    current.labels = u.labels;
    if (changed) {
      forEveryViewer(
          new Occasion(ctx.getCurrentKey(), time, DecisionMoment.PRODUCTS_CHANGED, null, current), out);
    }
  }

  /** Asks for a decision for every viewer not silent (and, on new products, not rate-limited). */
  private void forEveryViewer(Occasion occasion, Collector<DecisionRequest> out) throws Exception {
    ViewerIndex index = index();
    boolean limited = occasion.moment == DecisionMoment.PRODUCTS_CHANGED;
    long skipped = 0;
    for (int i = 0; i < index.size; i++) {
      if (index.silent(i, occasion.time)) {
        continue;
      }
      if (limited && index.rateLimited(i, occasion.time)) {
        skipped++;
        continue;
      }
      String viewerId = index.viewerIds[i];
      ViewerState v = viewers.get(viewerId);
      if (decide(v, occasion, out)) {
        viewers.put(viewerId, v);
        index.dueAt[i] = dueAt(v);
      }
    }
    if (skipped > 0) {
      rateLimited.inc(skipped);
    }
  }

  /** The media's viewer index, read (or rebuilt) at most once per firing. */
  private ViewerIndex index() throws Exception {
    if (firingIndex == null) {
      ViewerIndex index = viewerIndex.value();
      firingIndex = index != null ? index : rebuiltIndex();
    }
    return firingIndex;
  }

  /** The index of the viewers, from their state: for state saved before the index existed. */
  private ViewerIndex rebuiltIndex() throws Exception {
    ViewerIndex index = new ViewerIndex();
    for (Map.Entry<String, ViewerState> entry : viewers.entries()) {
      index.put(entry.getKey(), dueAt(entry.getValue()), silentAt(entry.getValue()));
    }
    return index;
  }

  private void saveIndex() throws Exception {
    if (firingIndex == null) {
      return;
    }
    if (firingIndex.size == 0) {
      viewerIndex.clear();
    } else {
      viewerIndex.update(firingIndex);
    }
    firingIndex = null;
  }

  private long dueAt(ViewerState v) {
    return ViewerIndex.dueAt(v, settings.decisionIntervalMs);
  }

  private long silentAt(ViewerState v) {
    return ViewerIndex.silentAt(v, settings.viewerIdleTimeoutMs);
  }

  private void onViewerEvent(
      ViewerEvent e, long time, MediaState m, OnTimerContext ctx, Collector<DecisionRequest> out)
      throws Exception {
    // Read before the viewer changes: a missing index is rebuilt from the viewers as they were.
    ViewerIndex index = index();
    if (e.type == ViewerEventType.LEAVE) {
      if (index.remove(e.viewerId)) {
        viewers.remove(e.viewerId);
        left.inc();
      }
      return;
    }
    ViewerState v = viewers.get(e.viewerId);
    boolean known = v != null;
    if (!known) {
      v = new ViewerState();
      v.viewerId = e.viewerId;
      v.sessionId = e.viewerId + "-" + time;
    }
    v.lastSeenAt = time;
    m.earliestExpiry = Math.min(m.earliestExpiry, time + settings.viewerIdleTimeoutMs);
    v.positionMs = e.positionMs;
    switch (e.type) {
      case JOIN:
        StringMap profile = e.profile == null ? new StringMap() : e.profile;
        v.readProfile(profile);
        joined.inc();
        if (ViewerProfiles.unreadableAge(profile)) {
          deadLetter(ctx, e, "profile.age: '" + profile.get("age")
              + "' is not an age; the viewer is treated as having no age on record");
        }
        decide(v, new Occasion(ctx.getCurrentKey(), time, DecisionMoment.JOIN, null, m.live), out);
        break;
      case INTERACTION:
        onInteraction(v, e, time, m, ctx);
        break;
      default:
        break;
    }
    viewers.put(e.viewerId, v);
    if (known) {
      index.put(e.viewerId, dueAt(v), silentAt(v));
    } else {
      index.add(e.viewerId, dueAt(v), silentAt(v));
    }
  }

  private void onInteraction(ViewerState v, ViewerEvent e, long time, MediaState m, OnTimerContext ctx)
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
    f.context = contexts.build(ctx.getCurrentKey(), m.live, v, null);
    ctx.output(FEEDBACK, f);
    feedback.inc();
  }

  /** Asks for a decision unless there is nothing the viewer may be offered. */
  private boolean decide(ViewerState v, Occasion occasion, Collector<DecisionRequest> out) {
    String[] eligible = rules.eligible(v, occasion.time);
    String[] candidates = occasion.candidates();
    if (eligible.length == 0 && candidates.length == 0) {
      nothingToOffer.inc();
      return false;
    }
    DecisionRequest r = new DecisionRequest();
    r.id = occasion.mediaId + "/" + v.viewerId + occasion.idSuffix();
    r.viewerId = v.viewerId;
    r.mediaId = occasion.mediaId;
    r.eventTime = occasion.time;
    r.positionMs = v.positionAt(occasion.time);
    r.moment = occasion.moment;
    r.segment = v.segment;
    r.context = occasion.context(v.favouriteTeam);
    r.widgets = eligible;
    r.offerCandidates = candidates;
    r.discountPercent = settings.discountPercent;
    out.collect(r);
    v.lastDecisionAt = occasion.boxedTime();
    decisions[occasion.moment.ordinal()].inc();
    return true;
  }

  /**
   * What the decisions of one occasion (a join, an event of interest, new products on screen)
   * share, worked out once for all the media's viewers: records are copied when they leave the
   * operator, so sharing is safe. Each part is worked out when a viewer first needs it: most
   * occasions find most viewers silent, rate-limited or with nothing to offer.
   */
  private final class Occasion {
    final String mediaId;
    final long time;
    final DecisionMoment moment;
    final EventOfInterest trigger;
    final LiveContext live;
    private Long boxedTime;
    private String idSuffix;
    private String[] candidates;
    // A few favourite teams at most: a linear search, and no hashing of the team per viewer.
    private String[] teams = new String[2];
    private StringMap[] contextByTeam = new StringMap[2];
    private int teamCount;

    Occasion(String mediaId, long time, DecisionMoment moment, EventOfInterest trigger, LiveContext live) {
      this.mediaId = mediaId;
      this.time = time;
      this.moment = moment;
      this.trigger = trigger;
      this.live = live;
    }

    /** The time as the viewers' last decision, one object for all of them. */
    Long boxedTime() {
      if (boxedTime == null) {
        boxedTime = time;
      }
      return boxedTime;
    }

    String idSuffix() {
      if (idSuffix == null) {
        idSuffix = "/" + time + "/" + moment + (trigger == null ? "" : "/" + trigger.type);
      }
      return idSuffix;
    }

    String[] candidates() {
      if (candidates == null) {
        candidates = live == null ? NONE : products.offerCandidates(live.products);
      }
      return candidates;
    }

    StringMap context(String favouriteTeam) {
      for (int i = 0; i < teamCount; i++) {
        if (Objects.equals(teams[i], favouriteTeam)) {
          return contextByTeam[i];
        }
      }
      StringMap c = contexts.build(mediaId, live, favouriteTeam, trigger);
      if (teamCount == teams.length) {
        teams = Arrays.copyOf(teams, teamCount * 2);
        contextByTeam = Arrays.copyOf(contextByTeam, teamCount * 2);
      }
      teams[teamCount] = favouriteTeam;
      contextByTeam[teamCount++] = c;
      return c;
    }
  }

  /**
   * Makes sure a sweep is due at the first grid point after {@code time} where one can remove
   * anything: where a viewer may have gone silent or the live context gone idle. The grid points
   * before it would find nothing to remove (expiries only move later, except from none, and a
   * handled input reschedules), so they need no timer.
   */
  private void scheduleSweep(long time, MediaState m) {
    long liveExpiry = m.live == null ? Long.MAX_VALUE : m.live.updatedAt + settings.mediaIdleTimeoutMs;
    long firstExpiry = Math.min(m.earliestExpiry, liveExpiry);
    if (firstExpiry == Long.MAX_VALUE) {
      return;
    }
    m.sweepBy((Math.floorDiv(Math.max(time, firstExpiry - 1), sweepStepMs) + 1) * sweepStepMs);
  }

  /** Removes silent viewers and an idle live context; keeps sweeping while anything is left. */
  private void sweep(long time, MediaState m) throws Exception {
    boolean viewersLeft;
    if (time >= m.earliestExpiry) {
      ViewerIndex index = index();
      long earliest = Long.MAX_VALUE;
      // Backwards: a removal moves the last viewer, already looked at, into the slot.
      for (int i = index.size - 1; i >= 0; i--) {
        if (index.silent(i, time)) {
          viewers.remove(index.viewerIds[i]);
          index.removeAt(i);
          expired.inc();
        } else {
          earliest = Math.min(earliest, index.silentAt[i]);
        }
      }
      viewersLeft = index.size > 0;
      if (!viewersLeft) {
        viewers.clear();
      }
      m.earliestExpiry = earliest;
    } else {
      viewersLeft = !viewers.isEmpty();
    }
    if (m.live != null && m.live.updatedAt + settings.mediaIdleTimeoutMs <= time) {
      m.live = null;
    }
    if (viewersLeft || m.live != null) {
      scheduleSweep(time, m);
    }
  }

  private void deadLetter(Context ctx, ViewerEvent e, String reason) {
    deadLetters.inc();
    ctx.output(
        DeadLetterTag.DEAD_LETTERS,
        DeadLetters.of(INPUT, reason, RecordCodec.encode(e), ctx.timerService().currentProcessingTime()));
  }
}
