package io.cuepoint.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/** A moment in a match worth reacting to ({@code events-of-interest} output). */
public class EventOfInterest {
  /** Stable id derived from the media, the type and the triggering event. */
  public String id;
  public String mediaId;
  public EventOfInterestType type;
  /** Event time of the triggering event. */
  public Long eventTime;
  /** Optional. */
  public Integer matchMinute;
  /** Event ids that caused it. */
  public String[] evidence;
  public StringMap attributes;

  public EventOfInterest() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventOfInterest)) {
      return false;
    }
    EventOfInterest that = (EventOfInterest) o;
    return Objects.equals(id, that.id)
        && Objects.equals(mediaId, that.mediaId)
        && Objects.equals(type, that.type)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(matchMinute, that.matchMinute)
        && Arrays.equals(evidence, that.evidence)
        && Objects.equals(attributes, that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, mediaId, type, eventTime, matchMinute, Arrays.hashCode(evidence), attributes);
  }

  @Override
  public String toString() {
    return "EventOfInterest{"
        + "id=" + id
        + ", mediaId=" + mediaId
        + ", type=" + type
        + ", eventTime=" + eventTime
        + ", matchMinute=" + matchMinute
        + ", evidence=" + Arrays.toString(evidence)
        + ", attributes=" + attributes
        + "}";
  }
}
