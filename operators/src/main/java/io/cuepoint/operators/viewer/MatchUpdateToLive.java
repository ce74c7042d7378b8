package io.cuepoint.operators.viewer;

import io.cuepoint.operators.match.MatchUpdate;
import org.apache.flink.api.common.functions.MapFunction;

/** A match update as a live-context update. */
public class MatchUpdateToLive implements MapFunction<MatchUpdate, LiveUpdate> {
  private static final long serialVersionUID = 1L;

  @Override
  public LiveUpdate map(MatchUpdate update) {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = update.mediaId;
    u.eventTime = update.eventTime;
    u.match = update.snapshot;
    u.eventsOfInterest = update.eventsOfInterest;
    return u;
  }
}
