package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.MINUTE;
import static io.cuepoint.jobs.sample.MatchTimeline.SECOND;

import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The viewers of both streams: when they join, their heartbeats every two minutes, what they
 * interact with, when (and whether) they leave. Events are held packed in one long each, so that a
 * large scale needs little memory, and sorting the longs puts them in event-time order.
 */
final class ViewerSimulation {
  static final long HEARTBEAT_MS = 120 * SECOND;

  // Bit layout of a packed event, low to high: item, interaction, type, sequence, viewer, time.
  private static final int ITEM_BITS = 7;
  private static final int INTERACTION_BITS = 2;
  private static final int TYPE_BITS = 2;
  private static final int SEQ_BITS = 8;
  private static final int VIEWER_BITS = 19;
  private static final int TIME_BITS = 23;
  private static final int INTERACTION_SHIFT = ITEM_BITS;
  private static final int TYPE_SHIFT = INTERACTION_SHIFT + INTERACTION_BITS;
  private static final int SEQ_SHIFT = TYPE_SHIFT + TYPE_BITS;
  private static final int VIEWER_SHIFT = SEQ_SHIFT + SEQ_BITS;
  private static final int TIME_SHIFT = VIEWER_SHIFT + VIEWER_BITS;
  static final int MAX_VIEWERS = 1 << VIEWER_BITS;

  private static final ViewerEventType[] TYPES = ViewerEventType.values();
  private static final Interaction[] INTERACTIONS = Interaction.values();

  private final long seed;
  private final FinalScript script;
  private final String matchMedia;
  private final String studioMedia;
  private final List<DetectionStream.Run> matchProducts;
  private final List<DetectionStream.Run> studioProducts;
  private final List<String> items = Catalog.itemIds();
  private final int matchViewers;
  private final int studioViewers;
  private final int[] latency;
  private long[] events = new long[1024];
  private int size;

  ViewerSimulation(long seed, FinalScript script, String matchMedia, String studioMedia,
      List<DetectionStream.Run> matchProducts, List<DetectionStream.Run> studioProducts,
      int matchViewers, int studioViewers) {
    if (matchViewers + studioViewers > MAX_VIEWERS) {
      throw new IllegalArgumentException("at most " + MAX_VIEWERS + " viewers");
    }
    if (items.size() >= (1 << ITEM_BITS)) {
      throw new IllegalStateException("too many catalog items");
    }
    this.seed = seed;
    this.script = script;
    this.matchMedia = matchMedia;
    this.studioMedia = studioMedia;
    this.matchProducts = matchProducts;
    this.studioProducts = studioProducts;
    this.matchViewers = matchViewers;
    this.studioViewers = studioViewers;
    this.latency = new int[matchViewers + studioViewers];
  }

  static String matchViewerId(int i) {
    return String.format(Locale.ROOT, "fan-%05d", i + 1);
  }

  static String studioViewerId(int i) {
    return String.format(Locale.ROOT, "shopper-%04d", i + 1);
  }

  /** Simulates everybody; matchRng and studioRng give each viewer its own split, in order. */
  void run(Rng matchRng, Rng studioRng) {
    for (int i = 0; i < matchViewers; i++) {
      matchViewer(i, matchRng.split());
    }
    for (int i = 0; i < studioViewers; i++) {
      studioViewer(matchViewers + i, studioRng.split());
    }
    events = Arrays.copyOf(events, size);
    Arrays.sort(events);
  }

  int size() {
    return size;
  }

  /** The i-th event in event-time order. */
  ViewerEvent event(int index) {
    long e = events[index];
    int item = (int) (e & ((1L << ITEM_BITS) - 1));
    int interaction = (int) ((e >>> INTERACTION_SHIFT) & ((1L << INTERACTION_BITS) - 1));
    int type = (int) ((e >>> TYPE_SHIFT) & ((1L << TYPE_BITS) - 1));
    int viewer = (int) ((e >>> VIEWER_SHIFT) & ((1L << VIEWER_BITS) - 1));
    long time = FinalScript.START + (e >>> TIME_SHIFT);
    ViewerEvent v = new ViewerEvent();
    boolean match = viewer < matchViewers;
    v.viewerId = match ? matchViewerId(viewer) : studioViewerId(viewer - matchViewers);
    v.mediaId = match ? matchMedia : studioMedia;
    v.type = TYPES[type];
    v.eventTime = time;
    v.positionMs = Math.max(0, time - FinalScript.START - latency[viewer]);
    if (v.type == ViewerEventType.JOIN) {
      v.profile = Profile.forUser(seed, v.viewerId).toStringMap();
    }
    if (v.type == ViewerEventType.INTERACTION) {
      v.interaction = INTERACTIONS[interaction];
      v.itemId = items.get(item - 1);
    }
    return v;
  }

  private void matchViewer(int viewer, Rng r) {
    String id = matchViewerId(viewer);
    Profile profile = Profile.forUser(seed, id);
    MatchTimeline tl = script.timeline;
    long start = FinalScript.START;
    long end = FinalScript.MATCH_END;
    long late = FinalScript.KICK_OFF_2 + 34 * MINUTE; // 80'

    double when = r.unit();
    long join;
    if (when < 0.30) {
      join = r.between(start + 5 * SECOND, FinalScript.KICK_OFF_1 + MINUTE);
    } else if (when < 0.60) {
      join = r.between(FinalScript.KICK_OFF_1, FinalScript.HALF_TIME);
    } else if (when < 0.70) {
      join = r.between(FinalScript.HALF_TIME, FinalScript.KICK_OFF_2);
    } else if (when < 0.90) {
      join = r.between(FinalScript.KICK_OFF_2, late);
    } else {
      join = r.between(late, FinalScript.FULL_TIME); // the late drama brings people in
    }
    latency[viewer] = 1500 + 100 * r.nextInt(36);

    long leaveAt;
    boolean leaves;
    double how = r.unit();
    if (join >= late) {
      if (how < 0.7) {
        leaveAt = FinalScript.FULL_TIME + r.between(20 * SECOND, 150 * SECOND);
        leaves = true;
      } else if (how < 0.85) {
        leaveAt = end;
        leaves = false;
      } else {
        leaveAt = join + r.between(3 * MINUTE, 10 * MINUTE);
        leaves = true;
      }
    } else if (how < 0.10) {
      leaveAt = FinalScript.FULL_TIME + r.between(20 * SECOND, 150 * SECOND);
      leaves = true;
    } else if (how < 0.16) {
      leaveAt = end; // still there when the stream ends, never says goodbye
      leaves = false;
    } else if (how < 0.26) {
      leaveAt = join + MINUTE + (long) r.exponential(25 * MINUTE); // the app is killed
      leaves = false;
    } else if (join < FinalScript.HALF_TIME && how < 0.40) {
      leaveAt = FinalScript.HALF_TIME + r.between(30 * SECOND, 4 * MINUTE);
      leaves = true;
    } else {
      leaveAt = join + MINUTE + (long) r.exponential(30 * MINUTE);
      leaves = true;
    }
    if (leaveAt >= end) {
      leaveAt = end;
      leaves = false;
    }

    int seq = 0;
    seq = add(join, viewer, seq, ViewerEventType.JOIN, null, 0);
    for (long hb = join + HEARTBEAT_MS; hb < leaveAt; hb += HEARTBEAT_MS) {
      seq = add(hb, viewer, seq, ViewerEventType.HEARTBEAT, null, 0);
    }
    for (long m = join + 20 * SECOND; m < leaveAt; m += MINUTE) {
      MatchTimeline.Context c = tl.contextAt(m);
      if (!r.chance(rate(c, tl.sinceLastGoal(m)))) {
        continue;
      }
      long at = m + r.between(0, 59 * SECOND);
      c = tl.contextAt(at);
      String item;
      double affinity;
      double purchase;
      if (r.chance(0.2)) {
        String onScreen = onScreen(matchProducts, at);
        item = onScreen != null ? onScreen : Preferences.productFor(profile, c, r);
        affinity = onScreen != null ? 0.5 : 0.3;
        purchase = 0.3;
      } else {
        double[] w = Preferences.widgetWeights(profile, c);
        int pick = r.weighted(w);
        if (pick < 0) {
          continue;
        }
        Catalog.Widget widget = Catalog.WIDGETS.get(pick);
        item = widget.id;
        affinity = Preferences.affinity(w[pick]);
        purchase = Preferences.purchaseChance(widget.type);
      }
      seq = react(viewer, seq, at, leaveAt, item, Preferences.react(affinity, purchase, r));
    }
    if (leaves) {
      add(leaveAt, viewer, seq, ViewerEventType.LEAVE, null, 0);
    }
  }

  private void studioViewer(int viewer, Rng r) {
    String id = studioViewerId(viewer - matchViewers);
    Profile profile = Profile.forUser(seed, id);
    long start = FinalScript.START;
    long end = FinalScript.STUDIO_END;
    long join = r.between(start + 5 * SECOND, start + 15 * MINUTE);
    latency[viewer] = 1500 + 100 * r.nextInt(36);
    long leaveAt;
    boolean leaves;
    double how = r.unit();
    if (how < 0.7) {
      leaveAt = join + MINUTE + (long) r.exponential(6 * MINUTE);
      leaves = true;
    } else if (how < 0.85) {
      leaveAt = end - r.between(0, 20 * SECOND);
      leaves = true;
    } else {
      leaveAt = end;
      leaves = false;
    }
    if (leaveAt >= end) {
      leaveAt = end;
      leaves = false;
    }
    int seq = add(join, viewer, 0, ViewerEventType.JOIN, null, 0);
    for (long hb = join + HEARTBEAT_MS; hb < leaveAt; hb += HEARTBEAT_MS) {
      seq = add(hb, viewer, seq, ViewerEventType.HEARTBEAT, null, 0);
    }
    for (long m = join + 10 * SECOND; m < leaveAt; m += MINUTE) {
      if (!r.chance(0.15)) {
        continue;
      }
      long at = m + r.between(0, 59 * SECOND);
      String presented = onScreen(studioProducts, at);
      String item;
      double affinity;
      double purchase;
      if (presented != null && r.chance(0.7)) {
        item = presented;
        affinity = 0.55;
        purchase = 0.4;
      } else {
        String type = r.pick(new String[] {"SHOP", "SHOP", "CHAT", "POLL"});
        Catalog.Widget widget = Catalog.widget(type);
        if (!widget.allows(profile)) {
          continue;
        }
        item = widget.id;
        affinity = "SHOP".equals(type) ? 0.5 : 0.35;
        purchase = Preferences.purchaseChance(type);
      }
      seq = react(viewer, seq, at, leaveAt, item, Preferences.react(affinity, purchase, r));
    }
    if (leaves) {
      add(leaveAt, viewer, seq, ViewerEventType.LEAVE, null, 0);
    }
  }

  /** More happens after goals, at half time and on a red card. */
  private static double rate(MatchTimeline.Context c, long sinceGoal) {
    double p = 0.05;
    if (sinceGoal < 2 * MINUTE) {
      p *= 4;
    }
    if (c.phase == MatchPhase.HALF_TIME) {
      p *= 3;
    } else if (c.phase == MatchPhase.PRE_MATCH || c.phase == MatchPhase.FULL_TIME) {
      p *= 1.5;
    }
    if (MatchTimeline.RED_CARD.equals(c.eventOfInterest)) {
      p *= 2;
    } else if (MatchTimeline.CLOSE_FINISH.equals(c.eventOfInterest)) {
      p *= 1.5;
    }
    return p;
  }

  private static String onScreen(List<DetectionStream.Run> runs, long t) {
    for (DetectionStream.Run r : runs) {
      if (r.covers(t)) {
        return r.name;
      }
    }
    return null;
  }

  private int react(int viewer, int seq, long at, long leaveAt, String item,
      List<Preferences.Step> steps) {
    int itemCode = items.indexOf(item) + 1;
    if (itemCode <= 0) {
      throw new IllegalStateException("not a catalog item: " + item);
    }
    for (Preferences.Step s : steps) {
      if (at + s.offsetMs < leaveAt) {
        seq = add(at + s.offsetMs, viewer, seq, ViewerEventType.INTERACTION, s.interaction, itemCode);
      }
    }
    return seq;
  }

  private int add(long time, int viewer, int seq, ViewerEventType type, Interaction interaction,
      int item) {
    long offset = time - FinalScript.START;
    if (offset < 0 || offset >= (1L << TIME_BITS)) {
      throw new IllegalStateException("viewer event outside the recording: " + time);
    }
    if (seq >= (1 << SEQ_BITS)) {
      throw new IllegalStateException("too many events for one viewer");
    }
    long packed = (offset << TIME_SHIFT)
        | ((long) viewer << VIEWER_SHIFT)
        | ((long) seq << SEQ_SHIFT)
        | ((long) type.ordinal() << TYPE_SHIFT)
        | ((long) (interaction == null ? 0 : interaction.ordinal()) << INTERACTION_SHIFT)
        | item;
    if (size == events.length) {
      events = Arrays.copyOf(events, size * 2);
    }
    events[size++] = packed;
    return seq + 1;
  }
}
