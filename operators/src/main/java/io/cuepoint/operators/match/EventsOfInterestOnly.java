package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Extracts the {@code events-of-interest} stream from the match updates. */
public class EventsOfInterestOnly implements FlatMapFunction<MatchUpdate, EventOfInterest> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(MatchUpdate update, Collector<EventOfInterest> out) {
    for (EventOfInterest event : update.eventsOfInterest) {
      out.collect(event);
    }
  }
}
