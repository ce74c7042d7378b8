package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import java.util.Arrays;
import java.util.Objects;

/** The match state after one match event, and the events of interest that event raised. */
public class MatchUpdate {
  public String mediaId;

  /** Event time of the match event. */
  public Long eventTime;

  public MatchSnapshot snapshot;

  /** Empty when the event raised none. */
  public EventOfInterest[] eventsOfInterest = new EventOfInterest[0];

  public MatchUpdate() {}

  public MatchUpdate(
      String mediaId, long eventTime, MatchSnapshot snapshot, EventOfInterest[] eventsOfInterest) {
    this.mediaId = mediaId;
    this.eventTime = eventTime;
    this.snapshot = snapshot;
    this.eventsOfInterest = eventsOfInterest;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MatchUpdate)) {
      return false;
    }
    MatchUpdate that = (MatchUpdate) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(snapshot, that.snapshot)
        && Arrays.equals(eventsOfInterest, that.eventsOfInterest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, eventTime, snapshot, Arrays.hashCode(eventsOfInterest));
  }

  @Override
  public String toString() {
    return "MatchUpdate{"
        + "mediaId="
        + mediaId
        + ", eventTime="
        + eventTime
        + ", snapshot="
        + snapshot
        + ", eventsOfInterest="
        + Arrays.toString(eventsOfInterest)
        + "}";
  }
}
