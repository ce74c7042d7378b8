package io.cuepoint.schemas.records;

import java.util.Objects;

/** One event of the match or show feed ({@code match-events} input). */
public class MatchEvent {
  public String mediaId;
  /** Unique per event; duplicates are deliveries of the same event. */
  public String eventId;
  public MatchEventType type;
  /** Epoch milliseconds (UTC). */
  public Long eventTime;
  /** Optional. */
  public Integer matchMinute;
  /** Optional. */
  public Team team;
  /** Optional: the score after this event. */
  public Score score;
  /** Optional free-form attributes. */
  public StringMap attributes;

  public MatchEvent() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MatchEvent)) {
      return false;
    }
    MatchEvent that = (MatchEvent) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(eventId, that.eventId)
        && Objects.equals(type, that.type)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(matchMinute, that.matchMinute)
        && Objects.equals(team, that.team)
        && Objects.equals(score, that.score)
        && Objects.equals(attributes, that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, eventId, type, eventTime, matchMinute, team, score, attributes);
  }

  @Override
  public String toString() {
    return "MatchEvent{"
        + "mediaId=" + mediaId
        + ", eventId=" + eventId
        + ", type=" + type
        + ", eventTime=" + eventTime
        + ", matchMinute=" + matchMinute
        + ", team=" + team
        + ", score=" + score
        + ", attributes=" + attributes
        + "}";
  }
}
