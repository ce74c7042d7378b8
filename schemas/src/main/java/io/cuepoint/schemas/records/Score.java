package io.cuepoint.schemas.records;

import java.util.Objects;

/** A match score. */
public class Score {
  public Integer home;
  public Integer away;

  public Score() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Score)) {
      return false;
    }
    Score that = (Score) o;
    return Objects.equals(home, that.home)
        && Objects.equals(away, that.away);
  }

  @Override
  public int hashCode() {
    return Objects.hash(home, away);
  }

  @Override
  public String toString() {
    return "Score{"
        + "home=" + home
        + ", away=" + away
        + "}";
  }
}
