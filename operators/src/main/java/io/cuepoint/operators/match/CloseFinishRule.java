package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Raises CLOSE_FINISH the first time the score is level late in the match, once per level score.
 */
final class CloseFinishRule implements EventOfInterestRule {
  private static final long serialVersionUID = 1L;

  private final int fromMinute;

  /** Goals per side of the level scores that already raised one. */
  private transient MapState<Integer, Boolean> raisedLevels;

  CloseFinishRule(EventsOfInterestSettings settings) {
    this.fromMinute = settings.closeFinishMinute;
  }

  @Override
  public EventOfInterestType type() {
    return EventOfInterestType.CLOSE_FINISH;
  }

  @Override
  public void open(RuntimeContext context) {
    raisedLevels =
        context.getMapState(
            new MapStateDescriptor<>("closeFinishLevels", Types.INT, Types.BOOLEAN));
  }

  @Override
  public EventOfInterest onEvent(MatchEvent event, MatchSnapshot after) throws Exception {
    if (event.type == MatchEventType.SOCIAL_POST
        || event.matchMinute == null
        || event.matchMinute < fromMinute
        || !after.home.equals(after.away)
        || raisedLevels.contains(after.home)) {
      return null;
    }
    raisedLevels.put(after.home, Boolean.TRUE);
    return EventsOfInterest.raise(
        type(),
        event,
        new String[] {event.eventId},
        StringMap.of("home", String.valueOf(after.home), "away", String.valueOf(after.away)));
  }

  @Override
  public void clear() {
    raisedLevels.clear();
  }
}
