package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import org.apache.flink.api.common.functions.RuntimeContext;

/** Raises RED_CARD for every red card. */
final class RedCardRule implements EventOfInterestRule {
  private static final long serialVersionUID = 1L;

  @Override
  public EventOfInterestType type() {
    return EventOfInterestType.RED_CARD;
  }

  @Override
  public void open(RuntimeContext context) {}

  @Override
  public EventOfInterest onEvent(MatchEvent event, MatchSnapshot after) {
    if (event.type != MatchEventType.RED_CARD) {
      return null;
    }
    StringMap attributes =
        event.team == null ? new StringMap() : StringMap.of("team", event.team.name());
    return EventsOfInterest.raise(type(), event, new String[] {event.eventId}, attributes);
  }

  @Override
  public void clear() {}
}
