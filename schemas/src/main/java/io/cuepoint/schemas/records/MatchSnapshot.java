package io.cuepoint.schemas.records;

import java.util.Objects;

/** The match state at a point of event time. */
public class MatchSnapshot {
  public Integer minute;
  public Integer home;
  public Integer away;
  public MatchPhase phase;
  /** Type of the latest match event (not a social post). */
  public MatchEventType lastEvent;

  public MatchSnapshot() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MatchSnapshot)) {
      return false;
    }
    MatchSnapshot that = (MatchSnapshot) o;
    return Objects.equals(minute, that.minute)
        && Objects.equals(home, that.home)
        && Objects.equals(away, that.away)
        && Objects.equals(phase, that.phase)
        && Objects.equals(lastEvent, that.lastEvent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minute, home, away, phase, lastEvent);
  }

  @Override
  public String toString() {
    return "MatchSnapshot{"
        + "minute=" + minute
        + ", home=" + home
        + ", away=" + away
        + ", phase=" + phase
        + ", lastEvent=" + lastEvent
        + "}";
  }
}
