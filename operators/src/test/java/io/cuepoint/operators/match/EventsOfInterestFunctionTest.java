package io.cuepoint.operators.match;

import static io.cuepoint.operators.match.MatchEvents.MINUTE;
import static io.cuepoint.operators.match.MatchEvents.T0;
import static io.cuepoint.operators.match.MatchEvents.event;
import static io.cuepoint.operators.match.MatchEvents.goal;
import static io.cuepoint.operators.match.MatchEvents.post;
import static io.cuepoint.operators.match.MatchEvents.withScore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

class EventsOfInterestFunctionTest {
  private static final long FAR = T0 + 24 * 60 * MINUTE;

  private final EventsOfInterestSettings settings = new EventsOfInterestSettings();

  @Test
  void goalFlurryAtThreeGoalsWithinTheInclusiveWindow() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              goal("g1", Team.HOME, 0, 70),
              goal("g2", Team.AWAY, 5 * MINUTE, 75),
              goal("g3", Team.HOME, 10 * MINUTE, 80))
          .watermark(FAR);

      assertThat(h.updates()).hasSize(3);
      assertThat(h.updates().get(1).eventsOfInterest).isEmpty();
      EventOfInterest flurry = h.updates().get(2).eventsOfInterest[0];
      assertThat(flurry.type).isEqualTo(EventOfInterestType.GOAL_FLURRY);
      assertThat(flurry.id).isEqualTo("media-1:GOAL_FLURRY:g3");
      assertThat(flurry.mediaId).isEqualTo("media-1");
      assertThat(flurry.eventTime).isEqualTo(T0 + 10 * MINUTE);
      assertThat(flurry.matchMinute).isEqualTo(80);
      assertThat(flurry.evidence).containsExactly("g1", "g2", "g3");
      assertThat(flurry.attributes).isEqualTo(StringMap.of("goals", "3", "windowMinutes", "10"));
    }
  }

  @Test
  void noGoalFlurryForTwoGoalsOrGoalsSpreadOverTenMinutesAndOneMillisecond() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              goal("g1", Team.HOME, 0, 10),
              goal("g2", Team.HOME, MINUTE, 11),
              goal("g3", Team.HOME, 10 * MINUTE + 1, 20))
          .watermark(FAR);

      assertThat(h.updates()).hasSize(3);
      assertThat(h.eventsOfInterest()).isEmpty();
    }
  }

  @Test
  void aFurtherGoalInTheSameWindowRaisesNoSecondFlurryButALaterWindowDoes() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              goal("g1", Team.HOME, 0, 1),
              goal("g2", Team.HOME, MINUTE, 2),
              goal("g3", Team.HOME, 2 * MINUTE, 3),
              goal("g4", Team.AWAY, 3 * MINUTE, 4),
              // Its window [2', 12'] still holds g3, which raised the first flurry.
              goal("g5", Team.AWAY, 12 * MINUTE, 13),
              // Its window starts 1 ms after g3.
              goal("g6", Team.AWAY, 12 * MINUTE + 1, 13),
              goal("g7", Team.AWAY, 13 * MINUTE, 14))
          .watermark(FAR);

      List<EventOfInterest> flurries = h.eventsOfInterest(EventOfInterestType.GOAL_FLURRY);
      assertThat(flurries)
          .extracting(e -> e.id)
          .containsExactly("media-1:GOAL_FLURRY:g3", "media-1:GOAL_FLURRY:g6");
      assertThat(flurries.get(0).evidence).containsExactly("g1", "g2", "g3");
      assertThat(flurries.get(1).evidence).containsExactly("g4", "g5", "g6");
      assertThat(h.updates().get(3).eventsOfInterest).isEmpty();
    }
  }

  @Test
  void closeFinishOncePerLevelScoreFromMinute85() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              event("sub84", MatchEventType.SUBSTITUTION, 0, 84),
              event("card85", MatchEventType.YELLOW_CARD, MINUTE, 85),
              event("inj86", MatchEventType.INJURY, 2 * MINUTE, 86),
              goal("g87", Team.HOME, 3 * MINUTE, 87),
              post("post88", 4 * MINUTE - 1),
              goal("g88", Team.AWAY, 4 * MINUTE, 88),
              event("sub89", MatchEventType.SUBSTITUTION, 5 * MINUTE, 89),
              goal("g90", Team.HOME, 6 * MINUTE, 90),
              withScore(event("sub91", MatchEventType.SUBSTITUTION, 7 * MINUTE, 91), 2, 2))
          .watermark(FAR);

      List<EventOfInterest> closeFinishes = h.eventsOfInterest(EventOfInterestType.CLOSE_FINISH);
      assertThat(closeFinishes)
          .extracting(e -> e.id)
          .containsExactly(
              "media-1:CLOSE_FINISH:card85",
              "media-1:CLOSE_FINISH:g88",
              "media-1:CLOSE_FINISH:sub91");
      assertThat(closeFinishes)
          .extracting(e -> e.attributes)
          .containsExactly(
              StringMap.of("home", "0", "away", "0"),
              StringMap.of("home", "1", "away", "1"),
              StringMap.of("home", "2", "away", "2"));
      assertThat(closeFinishes.get(1).evidence).containsExactly("g88");
      assertThat(closeFinishes.get(1).matchMinute).isEqualTo(88);
    }
  }

  @Test
  void everyRedCardRaisesOne() throws Exception {
    MatchEvent homeRed = event("r1", MatchEventType.RED_CARD, 0, 30);
    homeRed.team = Team.HOME;
    MatchEvent secondRed = event("r2", MatchEventType.RED_CARD, MINUTE, 31);
    secondRed.team = Team.HOME;
    MatchEvent unknownTeamRed = event("r3", MatchEventType.RED_CARD, 2 * MINUTE, 32);
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              homeRed,
              event("y1", MatchEventType.YELLOW_CARD, 90_000, 31),
              secondRed,
              unknownTeamRed)
          .watermark(FAR);

      List<EventOfInterest> reds = h.eventsOfInterest(EventOfInterestType.RED_CARD);
      assertThat(reds)
          .extracting(e -> e.id)
          .containsExactly("media-1:RED_CARD:r1", "media-1:RED_CARD:r2", "media-1:RED_CARD:r3");
      assertThat(reds)
          .extracting(e -> e.attributes)
          .containsExactly(
              StringMap.of("team", "HOME"), StringMap.of("team", "HOME"), new StringMap());
      assertThat(reds.get(2).evidence).containsExactly("r3");
      assertThat(h.eventsOfInterest()).hasSize(3);
    }
  }

  @Test
  void socialSurgeNeedsTheMinimumPostsAndRespectsTheCooldown() throws Exception {
    List<MatchEvent> posts = new ArrayList<>();
    // 20 posts over ten quiet minutes, the last at 570 s.
    for (int k = 0; k < 20; k++) {
      posts.add(post("base-" + k, k * 30_000L));
    }
    addBurst(posts, "b1-", 700);
    // Within five minutes of the first surge.
    addBurst(posts, "b2-", 900);
    addBurst(posts, "b3-", 1100);
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(posts.toArray(new MatchEvent[0])).watermark(FAR);

      List<EventOfInterest> surges = h.eventsOfInterest(EventOfInterestType.SOCIAL_SURGE);
      assertThat(surges)
          .extracting(e -> e.id)
          .containsExactly("media-1:SOCIAL_SURGE:b1-19", "media-1:SOCIAL_SURGE:b3-19");
      // 18 baseline posts fall in the ten minutes before the last minute of b1-19.
      assertThat(surges.get(0).attributes)
          .isEqualTo(StringMap.of("postsLastMinute", "20", "baselinePerMinute", "1.8"));
      assertThat(surges.get(0).evidence).containsExactly("b1-19");
      assertThat(surges.get(0).eventTime).isEqualTo(T0 + 719_000L);
    }
  }

  @Test
  void socialSurgeNeedsTheFactorOverTheBaselineRate() throws Exception {
    List<MatchEvent> posts = new ArrayList<>();
    // Ten posts a minute in the ten minutes [101 s, 700 s].
    for (int k = 0; k < 100; k++) {
      posts.add(post("base-" + k, 101_000L + k * 6_000L));
    }
    for (int i = 0; i < 40; i++) {
      posts.add(post(String.format("burst-%02d", i), 760_000L + i));
    }
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(posts.toArray(new MatchEvent[0])).watermark(FAR);

      List<EventOfInterest> surges = h.eventsOfInterest(EventOfInterestType.SOCIAL_SURGE);
      assertThat(surges).extracting(e -> e.id).containsExactly("media-1:SOCIAL_SURGE:burst-29");
      assertThat(surges.get(0).attributes)
          .isEqualTo(StringMap.of("postsLastMinute", "30", "baselinePerMinute", "10"));
    }
  }

  @Test
  void snapshotFollowsPhasesScoresAndMinutes() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(
              event("ko1", MatchEventType.KICK_OFF, 0, 0),
              goal("g1", Team.AWAY, MINUTE, 12),
              // A restart after the goal does not change the phase.
              event("ko2", MatchEventType.KICK_OFF, 2 * MINUTE, 13),
              post("p1", 3 * MINUTE),
              event("ht", MatchEventType.HALF_TIME, 4 * MINUTE, 45),
              event("ko3", MatchEventType.KICK_OFF, 5 * MINUTE, 46),
              withScore(event("var", MatchEventType.INJURY, 6 * MINUTE, null), 1, 1),
              event("ft", MatchEventType.FULL_TIME, 7 * MINUTE, 90))
          .watermark(FAR);

      assertThat(h.updates())
          .extracting(u -> u.snapshot)
          .containsExactly(
              snapshot(0, 0, 0, MatchPhase.FIRST_HALF, MatchEventType.KICK_OFF),
              snapshot(12, 0, 1, MatchPhase.FIRST_HALF, MatchEventType.GOAL),
              snapshot(13, 0, 1, MatchPhase.FIRST_HALF, MatchEventType.KICK_OFF),
              snapshot(13, 0, 1, MatchPhase.FIRST_HALF, MatchEventType.KICK_OFF),
              snapshot(45, 0, 1, MatchPhase.HALF_TIME, MatchEventType.HALF_TIME),
              snapshot(46, 0, 1, MatchPhase.SECOND_HALF, MatchEventType.KICK_OFF),
              snapshot(46, 1, 1, MatchPhase.SECOND_HALF, MatchEventType.INJURY),
              snapshot(90, 1, 1, MatchPhase.FULL_TIME, MatchEventType.FULL_TIME));
      assertThat(h.updates())
          .extracting(u -> u.eventTime)
          .containsExactly(
              T0,
              T0 + MINUTE,
              T0 + 2 * MINUTE,
              T0 + 3 * MINUTE,
              T0 + 4 * MINUTE,
              T0 + 5 * MINUTE,
              T0 + 6 * MINUTE,
              T0 + 7 * MINUTE);
    }
  }

  @Test
  void duplicateEventIdsAreProcessedOnceEvenAcrossASnapshot() throws Exception {
    MatchEvent g1 = goal("g1", Team.HOME, 0, 10);
    OperatorSubtaskState state;
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(g1, goal("g1", Team.HOME, 0, 10)).watermark(T0 + MINUTE);
      h.send(goal("g1", Team.HOME, 0, 10), goal("g2", Team.HOME, 2 * MINUTE, 12));
      assertThat(h.updates()).hasSize(1);
      state = h.snapshot();
    }
    try (EventsOfInterestHarness h = EventsOfInterestHarness.restore(settings, state)) {
      h.send(goal("g2", Team.HOME, 2 * MINUTE, 12), goal("g1", Team.HOME, 0, 10))
          .send(goal("g3", Team.HOME, 3 * MINUTE, 13))
          .watermark(FAR);

      assertThat(h.updates()).extracting(u -> u.snapshot.home).containsExactly(2, 3);
      assertThat(h.eventsOfInterest(EventOfInterestType.GOAL_FLURRY)).hasSize(1);
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  @Test
  void outOfOrderInputWithinTheBoundGivesTheSameOutputAsInOrderInput() throws Exception {
    List<MatchEvent> inOrder = matchWithEverything();
    long bound = 30_000L;

    List<MatchUpdate> expected;
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      for (MatchEvent e : inOrder) {
        h.send(e).watermark(e.eventTime - 1);
      }
      h.watermark(FAR);
      expected = h.updates();
    }

    Random random = new Random(42);
    List<long[]> arrival = new ArrayList<>();
    for (int i = 0; i < inOrder.size(); i++) {
      arrival.add(new long[] {inOrder.get(i).eventTime + (long) (random.nextDouble() * bound), i});
    }
    arrival.sort(Comparator.comparingLong((long[] a) -> a[0]).thenComparingLong(a -> a[1]));
    List<MatchEvent> shuffled =
        arrival.stream().map(a -> inOrder.get((int) a[1])).collect(Collectors.toList());
    assertThat(shuffled).isNotEqualTo(inOrder);

    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      long maxSeen = Long.MIN_VALUE;
      for (MatchEvent e : shuffled) {
        maxSeen = Math.max(maxSeen, e.eventTime);
        h.send(e).watermark(maxSeen - bound);
      }
      h.watermark(FAR);

      assertThat(h.deadLetters()).isEmpty();
      assertThat(h.updates()).isEqualTo(expected);
    }
    assertThat(expected).hasSize(inOrder.size());
    assertThat(expected.stream().mapToInt(u -> u.eventsOfInterest.length).sum())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void eventsAtTheSameTimeAreProcessedInEventIdOrder() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(goal("b", Team.HOME, 0, 10), goal("c", Team.HOME, 0, 10), goal("a", Team.HOME, 0, 10))
          .watermark(FAR);

      assertThat(h.eventsOfInterest(EventOfInterestType.GOAL_FLURRY).get(0).evidence)
          .containsExactly("a", "b", "c");
    }
  }

  @Test
  void aLateEventGoesToTheDeadLetters() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(goal("g1", Team.HOME, MINUTE, 10)).watermark(T0 + MINUTE);
      h.send(goal("late", Team.AWAY, 30_000L, 9)).watermark(FAR);

      assertThat(h.updates()).hasSize(1);
      List<DeadLetter> dead = h.deadLetters();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).input).isEqualTo("match-events");
      assertThat(dead.get(0).error)
          .isEqualTo(
              "late: eventTime " + (T0 + 30_000L) + " is behind the watermark " + (T0 + MINUTE));
      assertThat(dead.get(0).raw).contains("\"eventId\":\"late\"");
    }
  }

  @Test
  void restoringASnapshotInTheMiddleGivesTheSameResults() throws Exception {
    List<MatchEvent> events = matchWithEverything();
    List<MatchUpdate> expected;
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(events.toArray(new MatchEvent[0])).watermark(FAR);
      expected = h.updates();
    }

    int half = events.size() / 2;
    long splitWatermark = events.get(half / 2).eventTime;
    List<MatchUpdate> actual = new ArrayList<>();
    OperatorSubtaskState state;
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      // Some events are still buffered behind the watermark when the snapshot is taken.
      h.send(events.subList(0, half).toArray(new MatchEvent[0])).watermark(splitWatermark);
      actual.addAll(h.updates());
      state = h.snapshot();
    }
    try (EventsOfInterestHarness h = EventsOfInterestHarness.restore(settings, state)) {
      h.send(events.subList(half, events.size()).toArray(new MatchEvent[0])).watermark(FAR);
      actual.addAll(h.updates());
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aSilentMediaIsClearedAndStartsAfresh() throws Exception {
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(goal("g1", Team.HOME, 0, 10), goal("g2", Team.HOME, MINUTE, 11))
          .watermark(T0 + MINUTE);
      assertThat(h.harness.numKeyedStateEntries()).isPositive();

      h.watermark(T0 + MINUTE + settings.mediaIdleTimeoutMs - 1);
      assertThat(h.harness.numKeyedStateEntries()).isPositive();
      h.watermark(T0 + MINUTE + settings.mediaIdleTimeoutMs);
      assertThat(h.harness.numKeyedStateEntries()).isZero();

      long later = MINUTE + settings.mediaIdleTimeoutMs + 1;
      h.send(goal("g1", Team.HOME, later, 10)).watermark(FAR);
      List<MatchUpdate> updates = h.updates();
      assertThat(updates).hasSize(3);
      assertThat(updates.get(2).snapshot)
          .isEqualTo(snapshot(10, 1, 0, MatchPhase.PRE_MATCH, MatchEventType.GOAL));
    }
  }

  @Test
  void eventsOfInterestOnlyExtractsTheRaisedEvents() throws Exception {
    List<EventOfInterest> extracted = new ArrayList<>();
    try (EventsOfInterestHarness h = EventsOfInterestHarness.open(settings)) {
      h.send(matchWithEverything().toArray(new MatchEvent[0])).watermark(FAR);
      for (MatchUpdate u : h.updates()) {
        new EventsOfInterestOnly().flatMap(u, new ListCollector<>(extracted));
      }
      assertThat(extracted).isEqualTo(h.eventsOfInterest()).isNotEmpty();
    }
  }

  /** Kick-off, a flurry, a red card, a social surge and a close finish, with ties in time. */
  private static List<MatchEvent> matchWithEverything() {
    List<MatchEvent> events = new ArrayList<>();
    events.add(event("ko", MatchEventType.KICK_OFF, 0, 0));
    for (int k = 0; k < 20; k++) {
      events.add(post("base-" + k, 10_000L + k * 30_000L));
    }
    MatchEvent red = event("red", MatchEventType.RED_CARD, 20 * MINUTE, 20);
    red.team = Team.AWAY;
    events.add(red);
    events.add(goal("g1", Team.HOME, 30 * MINUTE, 30));
    events.add(goal("g2", Team.AWAY, 31 * MINUTE, 31));
    events.add(goal("g3", Team.HOME, 32 * MINUTE, 32));
    for (int i = 0; i < 25; i++) {
      events.add(post(String.format("burst-%02d", i), 32 * MINUTE + 1_000L * (i / 2)));
    }
    events.add(goal("g4", Team.AWAY, 87 * MINUTE, 87));
    events.add(event("ft", MatchEventType.FULL_TIME, 95 * MINUTE, 95));
    return events;
  }

  private static void addBurst(List<MatchEvent> posts, String prefix, long fromSecond) {
    for (int i = 0; i < 20; i++) {
      posts.add(post(prefix + i, (fromSecond + i) * 1000L));
    }
  }

  private static MatchSnapshot snapshot(
      Integer minute, int home, int away, MatchPhase phase, MatchEventType lastEvent) {
    MatchSnapshot s = new MatchSnapshot();
    s.minute = minute;
    s.home = home;
    s.away = away;
    s.phase = phase;
    s.lastEvent = lastEvent;
    return s;
  }
}
