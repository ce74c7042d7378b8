package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.MINUTE;

import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code interactions.csv}: what viewers did with widgets and products during six earlier matches,
 * in the layout Amazon Personalize imports (user, item, epoch seconds, event type) plus the match
 * context as contextual metadata columns.
 */
final class InteractionHistory {
  static final String HEADER =
      "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,MATCH_PHASE,SCORE_DIFF,EVENT_OF_INTEREST";
  /** Kick-offs of the earlier matches (Saturdays before the final). */
  static final String[] MATCH_DAYS = {
    "2026-04-18T19:00:00Z", "2026-04-25T19:00:00Z", "2026-05-02T19:00:00Z",
    "2026-05-09T19:00:00Z", "2026-05-16T19:00:00Z", "2026-05-23T19:00:00Z"
  };
  /** Users fan-00001..fan-00400: the sample's match viewers (at scale 1) and some more. */
  static final int USERS = 400;

  private InteractionHistory() {}

  private static final class Row implements Comparable<Row> {
    final long seconds;
    final int order;
    final String line;

    Row(long seconds, int order, String line) {
      this.seconds = seconds;
      this.order = order;
      this.line = line;
    }

    @Override
    public int compareTo(Row o) {
      int c = Long.compare(seconds, o.seconds);
      return c != 0 ? c : Integer.compare(order, o.order);
    }
  }

  /** The file's lines without the header, in time order. */
  static List<String> generate(long seed, Rng rng) {
    double[] loyalty = new double[USERS];
    for (int u = 0; u < USERS; u++) {
      loyalty[u] = rng.uniform(0.1, 0.8);
    }
    List<Row> rows = new ArrayList<>();
    for (String day : MATCH_DAYS) {
      Rng matchRng = rng.split();
      MatchTimeline tl = randomMatch(Instant.parse(day).toEpochMilli(), matchRng);
      for (int u = 0; u < USERS; u++) {
        if (!matchRng.chance(loyalty[u])) {
          continue;
        }
        String user = ViewerSimulation.matchViewerId(u);
        Profile profile = Profile.forUser(seed, user);
        int impressions = 1 + matchRng.poisson(1.2);
        for (int i = 0; i < impressions; i++) {
          long at = momentOfInterest(tl, matchRng);
          MatchTimeline.Context c = tl.contextAt(at);
          String item;
          double affinity;
          double purchase;
          if (matchRng.chance(0.15)) {
            item = Preferences.productFor(profile, c, matchRng);
            affinity = 0.35;
            purchase = 0.3;
          } else {
            double[] w = Preferences.widgetWeights(profile, c);
            int pick = matchRng.weighted(w);
            if (pick < 0) {
              continue;
            }
            Catalog.Widget widget = Catalog.WIDGETS.get(pick);
            item = widget.id;
            affinity = Preferences.affinity(w[pick]);
            purchase = Preferences.purchaseChance(widget.type);
          }
          for (Preferences.Step s : Preferences.react(affinity, purchase, matchRng)) {
            long t = at + s.offsetMs;
            MatchTimeline.Context now = tl.contextAt(t);
            String line = user + "," + item + "," + (t / 1000) + "," + eventType(s.interaction)
                + "," + now.phase + "," + now.scoreDiff() + "," + now.eventOfInterest;
            rows.add(new Row(t / 1000, rows.size(), line));
          }
        }
      }
    }
    rows.sort(null);
    List<String> lines = new ArrayList<>(rows.size());
    for (Row r : rows) {
      lines.add(r.line);
    }
    return lines;
  }

  static String eventType(Interaction i) {
    switch (i) {
      case VIEW:
        return "View";
      case CLICK:
        return "Click";
      case PURCHASE:
        return "Purchase";
      default:
        return "Dismiss";
    }
  }

  /** A match with a 15-minute break, a few goals, sometimes a late flurry or a red card. */
  private static MatchTimeline randomMatch(long kickOff, Rng r) {
    long halfTime = kickOff + (45 + r.between(1, 4)) * MINUTE;
    long kickOff2 = halfTime + 15 * MINUTE;
    long fullTime = kickOff2 + (45 + r.between(2, 6)) * MINUTE;
    List<Long> goals = new ArrayList<>();
    int n = r.poisson(2.6);
    for (int i = 0; i < n; i++) {
      goals.add(r.chance(0.45)
          ? r.between(kickOff + MINUTE, halfTime - 10_000)
          : r.between(kickOff2 + MINUTE, fullTime - 10_000));
    }
    if (r.chance(0.35)) { // a late flurry
      long first = kickOff2 + r.between(30, 38) * MINUTE;
      for (int i = 0; i < 3; i++) {
        goals.add(first + i * r.between(2, 3) * MINUTE + r.between(0, 50_000));
      }
    }
    long[] goalTimes = new long[goals.size()];
    for (int i = 0; i < goalTimes.length; i++) {
      goalTimes[i] = goals.get(i);
    }
    Arrays.sort(goalTimes);
    Team[] teams = new Team[goalTimes.length];
    for (int i = 0; i < teams.length; i++) {
      teams[i] = r.chance(0.5) ? Team.HOME : Team.AWAY;
    }
    long[] reds = r.chance(0.3)
        ? new long[] {kickOff2 + r.between(5, 40) * MINUTE}
        : new long[0];
    return new MatchTimeline(kickOff, halfTime, kickOff2, fullTime, goalTimes, teams, reds);
  }

  /** When a viewer is offered something: often at half time, late on, or just after a goal. */
  private static long momentOfInterest(MatchTimeline tl, Rng r) {
    double x = r.unit();
    if (x < 0.10) {
      return r.between(tl.kickOff1 - 10 * MINUTE, tl.kickOff1 - 1000);
    }
    if (x < 0.35) {
      return r.between(tl.halfTime, tl.kickOff2 - 1000);
    }
    if (x < 0.60) {
      return r.between(tl.kickOff2 + 30 * MINUTE, tl.fullTime - 1000);
    }
    if (x < 0.70) {
      return r.between(tl.fullTime, tl.fullTime + 10 * MINUTE);
    }
    if (x < 0.85) {
      return r.between(tl.kickOff1, tl.halfTime - 1000);
    }
    return r.between(tl.kickOff2, tl.fullTime - 1000);
  }
}
