package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.Team;

/** Folds match events into the match state. */
final class MatchSnapshots {
  private MatchSnapshots() {}

  static MatchSnapshot beforeKickOff() {
    MatchSnapshot s = new MatchSnapshot();
    s.home = 0;
    s.away = 0;
    s.phase = MatchPhase.PRE_MATCH;
    return s;
  }

  /** The state after {@code event}; {@code before} is left unchanged. */
  static MatchSnapshot apply(MatchSnapshot before, MatchEvent event) {
    MatchSnapshot after = new MatchSnapshot();
    after.minute = event.matchMinute != null ? event.matchMinute : before.minute;
    after.home = before.home;
    after.away = before.away;
    after.phase = phaseAfter(before.phase, event.type);
    after.lastEvent = event.type == MatchEventType.SOCIAL_POST ? before.lastEvent : event.type;
    if (event.score != null && event.score.home != null && event.score.away != null) {
      after.home = event.score.home;
      after.away = event.score.away;
    } else if (event.type == MatchEventType.GOAL && event.team == Team.HOME) {
      after.home = before.home + 1;
    } else if (event.type == MatchEventType.GOAL && event.team == Team.AWAY) {
      after.away = before.away + 1;
    }
    return after;
  }

  private static MatchPhase phaseAfter(MatchPhase phase, MatchEventType type) {
    switch (type) {
      case KICK_OFF:
        // Feeds also send a kick-off to restart play after a goal: only a period start moves on.
        if (phase == MatchPhase.PRE_MATCH) {
          return MatchPhase.FIRST_HALF;
        }
        return phase == MatchPhase.HALF_TIME ? MatchPhase.SECOND_HALF : phase;
      case HALF_TIME:
        return MatchPhase.HALF_TIME;
      case FULL_TIME:
        return MatchPhase.FULL_TIME;
      default:
        return phase;
    }
  }
}
