package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.Team;

/** Builds match events of one media for tests. */
final class MatchEvents {
  static final String MEDIA = "media-1";

  /** A whole second, so per-second buckets start on it. */
  static final long T0 = 1_700_000_000_000L;

  static final long MINUTE = 60_000L;

  private MatchEvents() {}

  static MatchEvent event(String id, MatchEventType type, long offsetMs, Integer minute) {
    MatchEvent e = new MatchEvent();
    e.mediaId = MEDIA;
    e.eventId = id;
    e.type = type;
    e.eventTime = T0 + offsetMs;
    e.matchMinute = minute;
    return e;
  }

  static MatchEvent goal(String id, Team team, long offsetMs, Integer minute) {
    MatchEvent e = event(id, MatchEventType.GOAL, offsetMs, minute);
    e.team = team;
    return e;
  }

  static MatchEvent withScore(MatchEvent e, int home, int away) {
    e.score = new Score();
    e.score.home = home;
    e.score.away = away;
    return e;
  }

  static MatchEvent post(String id, long offsetMs) {
    return event(id, MatchEventType.SOCIAL_POST, offsetMs, null);
  }
}
