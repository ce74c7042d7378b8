package io.cuepoint.operators.timeline;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import java.util.Arrays;

/**
 * The match updates of one slide-long pane of event time: the latest match state and the events of
 * interest raised in it. Keyed state, so a Flink POJO.
 */
public class MatchPane {
  /** Event time divided by the slide. */
  public long index;

  /** Null until the pane holds an update. */
  public Long latestEventTime;

  public MatchSnapshot latestSnapshot;
  public EventOfInterest[] eventsOfInterest = new EventOfInterest[0];

  public MatchPane() {}

  void add(MatchUpdate update) {
    keepLatest(update.eventTime, update.snapshot);
    int from = eventsOfInterest.length;
    eventsOfInterest = Arrays.copyOf(eventsOfInterest, from + update.eventsOfInterest.length);
    System.arraycopy(
        update.eventsOfInterest, 0, eventsOfInterest, from, update.eventsOfInterest.length);
  }

  /** Takes the snapshot if it is at least as recent as the one held. */
  void keepLatest(long eventTime, MatchSnapshot snapshot) {
    if (latestEventTime == null || eventTime >= latestEventTime) {
      latestEventTime = eventTime;
      latestSnapshot = snapshot;
    }
  }
}
