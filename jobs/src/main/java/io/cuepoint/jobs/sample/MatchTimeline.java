package io.cuepoint.jobs.sample;

import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.Team;

/**
 * The state of one match at any moment: phase, clock minute, score and the event of interest of
 * the moment. Used for the sample's match and for the earlier matches of the interactions history,
 * so that both speak the same context vocabulary.
 */
final class MatchTimeline {
  static final long SECOND = 1000L;
  static final long MINUTE = 60 * SECOND;

  /** Context values, as in the interactions file's EVENT_OF_INTEREST column. */
  static final String NONE = "NONE";
  static final String GOAL_FLURRY = "GOAL_FLURRY";
  static final String RED_CARD = "RED_CARD";
  static final String SOCIAL_SURGE = "SOCIAL_SURGE";
  static final String CLOSE_FINISH = "CLOSE_FINISH";

  final long kickOff1;
  final long halfTime;
  final long kickOff2;
  final long fullTime;
  private final long[] goalTimes;
  private final Team[] goalTeams;
  private final long[] redCards;

  /** Goals and red cards in time order. */
  MatchTimeline(
      long kickOff1,
      long halfTime,
      long kickOff2,
      long fullTime,
      long[] goalTimes,
      Team[] goalTeams,
      long[] redCards) {
    this.kickOff1 = kickOff1;
    this.halfTime = halfTime;
    this.kickOff2 = kickOff2;
    this.fullTime = fullTime;
    this.goalTimes = goalTimes.clone();
    this.goalTeams = goalTeams.clone();
    this.redCards = redCards.clone();
  }

  MatchPhase phaseAt(long t) {
    if (t < kickOff1) {
      return MatchPhase.PRE_MATCH;
    }
    if (t < halfTime) {
      return MatchPhase.FIRST_HALF;
    }
    if (t < kickOff2) {
      return MatchPhase.HALF_TIME;
    }
    if (t < fullTime) {
      return MatchPhase.SECOND_HALF;
    }
    return MatchPhase.FULL_TIME;
  }

  boolean inPlay(long t) {
    MatchPhase p = phaseAt(t);
    return p == MatchPhase.FIRST_HALF || p == MatchPhase.SECOND_HALF;
  }

  /** The minute as broadcasters show it: 1 during the first minute, 47 for 45+2, 94 for 90+4. */
  int minuteAt(long t) {
    if (t < kickOff1) {
      return 0;
    }
    if (t < halfTime) {
      return (int) ((t - kickOff1) / MINUTE) + 1;
    }
    if (t < kickOff2) {
      return 45;
    }
    if (t < fullTime) {
      return 45 + (int) ((t - kickOff2) / MINUTE) + 1;
    }
    return 90;
  }

  int goals(Team team, long t) {
    int n = 0;
    for (int i = 0; i < goalTimes.length && goalTimes[i] <= t; i++) {
      if (goalTeams[i] == team) {
        n++;
      }
    }
    return n;
  }

  /** Milliseconds since the latest goal at or before t, or Long.MAX_VALUE. */
  long sinceLastGoal(long t) {
    long since = Long.MAX_VALUE;
    for (long g : goalTimes) {
      if (g <= t) {
        since = t - g;
      }
    }
    return since;
  }

  String eventOfInterestAt(long t) {
    for (int i = 0; i < goalTimes.length; i++) {
      long g = goalTimes[i];
      if (g <= t && t - g <= 5 * MINUTE) {
        int within = 0;
        for (long other : goalTimes) {
          if (other <= g && g - other < 10 * MINUTE) {
            within++;
          }
        }
        if (within >= 3) {
          return GOAL_FLURRY;
        }
      }
    }
    for (long r : redCards) {
      if (r <= t && t - r <= 10 * MINUTE) {
        return RED_CARD;
      }
    }
    for (long g : goalTimes) {
      if (g <= t && t - g <= 2 * MINUTE && minuteAt(g) >= 80 && phaseAt(g) == MatchPhase.SECOND_HALF) {
        return SOCIAL_SURGE;
      }
    }
    if (phaseAt(t) == MatchPhase.SECOND_HALF && minuteAt(t) >= 80) {
      if (Math.abs(goals(Team.HOME, t) - goals(Team.AWAY, t)) <= 1) {
        return CLOSE_FINISH;
      }
    }
    return NONE;
  }

  Context contextAt(long t) {
    return new Context(
        phaseAt(t), minuteAt(t), goals(Team.HOME, t), goals(Team.AWAY, t), eventOfInterestAt(t));
  }

  /** The match as a viewer sees it at one moment. */
  static final class Context {
    final MatchPhase phase;
    final int minute;
    final int home;
    final int away;
    final String eventOfInterest;

    Context(MatchPhase phase, int minute, int home, int away, String eventOfInterest) {
      this.phase = phase;
      this.minute = minute;
      this.home = home;
      this.away = away;
      this.eventOfInterest = eventOfInterest;
    }

    /** LEVEL, ONE or TWO_PLUS, as in the interactions file's SCORE_DIFF column. */
    String scoreDiff() {
      int d = Math.abs(home - away);
      return d == 0 ? "LEVEL" : d == 1 ? "ONE" : "TWO_PLUS";
    }

    boolean trailing(String favouriteTeam) {
      return ("HOME".equals(favouriteTeam) && home < away)
          || ("AWAY".equals(favouriteTeam) && away < home);
    }

    boolean leading(String favouriteTeam) {
      return ("HOME".equals(favouriteTeam) && home > away)
          || ("AWAY".equals(favouriteTeam) && away > home);
    }

    boolean late() {
      return phase == MatchPhase.SECOND_HALF && minute >= 75;
    }
  }
}
