package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import java.util.Arrays;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Raises GOAL_FLURRY when enough goals fall in a trailing window, once per window. */
final class GoalFlurryRule implements EventOfInterestRule {
  private static final long serialVersionUID = 1L;

  private final int goals;
  private final long windowMs;

  /** Goals of the trailing window, oldest first. */
  private transient ValueState<MatchEvent[]> recentGoals;

  private transient ValueState<Long> lastFlurryAt;

  GoalFlurryRule(EventsOfInterestSettings settings) {
    this.goals = settings.goalFlurryGoals;
    this.windowMs = settings.goalFlurryWindowMs;
  }

  @Override
  public EventOfInterestType type() {
    return EventOfInterestType.GOAL_FLURRY;
  }

  @Override
  public void open(RuntimeContext context) {
    recentGoals =
        context.getState(
            new ValueStateDescriptor<>("recentGoals", TypeInformation.of(MatchEvent[].class)));
    lastFlurryAt = context.getState(new ValueStateDescriptor<>("lastGoalFlurryAt", Types.LONG));
  }

  @Override
  public EventOfInterest onEvent(MatchEvent event, MatchSnapshot after) throws Exception {
    if (event.type != MatchEventType.GOAL) {
      return null;
    }
    long windowStart = event.eventTime - windowMs;
    MatchEvent[] inWindow = withGoal(recentGoals.value(), event, windowStart);
    recentGoals.update(inWindow);
    if (inWindow.length < goals) {
      return null;
    }
    Long lastFlurry = lastFlurryAt.value();
    if (lastFlurry != null && lastFlurry >= windowStart) {
      return null;
    }
    lastFlurryAt.update(event.eventTime);
    String[] evidence = Arrays.stream(inWindow).map(g -> g.eventId).toArray(String[]::new);
    return EventsOfInterest.raise(
        type(),
        event,
        evidence,
        StringMap.of(
            "goals", String.valueOf(inWindow.length),
            "windowMinutes", EventsOfInterest.decimal(windowMs / 60_000.0)));
  }

  @Override
  public void clear() {
    recentGoals.clear();
    lastFlurryAt.clear();
  }

  private static MatchEvent[] withGoal(MatchEvent[] earlier, MatchEvent goal, long windowStart) {
    MatchEvent[] kept =
        earlier == null
            ? new MatchEvent[0]
            : Arrays.stream(earlier)
                .filter(g -> g.eventTime >= windowStart)
                .toArray(MatchEvent[]::new);
    MatchEvent[] all = Arrays.copyOf(kept, kept.length + 1);
    all[kept.length] = goal;
    return all;
  }
}
