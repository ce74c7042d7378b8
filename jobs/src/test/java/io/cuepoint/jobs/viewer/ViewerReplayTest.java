package io.cuepoint.jobs.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.ViewerAction;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays the whole sample match on a MiniCluster with the sample's viewer configuration. */
class ViewerReplayTest {
  static final Path SAMPLE = Path.of("..", "samples", "soccer-final");
  static final Set<String> NO_BETTING_COUNTRIES = Set.of("US", "DE", "FR", "JP");

  @TempDir static Path out;
  static List<ViewerAction> actions;
  static Map<String, ViewerEvent> joins;

  @BeforeAll
  static void replay() throws Exception {
    Map<String, String> viewers = new HashMap<>();
    viewers.put("Viewers.widgets", SAMPLE.resolve("widgets.json").toString());
    viewers.put("Viewers.products", SAMPLE.resolve("products.json").toString());
    viewers.put("Viewers.interactions", SAMPLE.resolve("interactions.csv").toString());
    viewers.put("Viewers.media-attributes", "final-2026:MATCH_TYPE=FINAL,VENUE=Lakeside Arena");
    ReplayRunner.run(SAMPLE, out, CuepointConfig.of(Collections.emptyMap(), viewers), null, false);

    actions = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.VIEWER_ACTIONS.fileName()))) {
      actions.add(RecordCodec.decode(line, ViewerAction.class));
    }
    joins = new HashMap<>();
    for (String line : Files.readAllLines(SAMPLE.resolve(StreamName.VIEWER_EVENTS.fileName()))) {
      ViewerEvent e = RecordCodec.decode(line, ViewerEvent.class);
      if (e.type == ViewerEventType.JOIN) {
        joins.put(e.viewerId, e);
      }
    }
  }

  @Test
  void everyViewerWhoJoinedGetsADecisionOnJoining() {
    assertThat(joins).hasSize(340);
    Map<String, List<ViewerAction>> byViewer =
        actions.stream().collect(Collectors.groupingBy(a -> a.viewerId));
    assertThat(byViewer.keySet()).containsExactlyInAnyOrderElementsOf(joins.keySet());
    for (ViewerEvent join : joins.values()) {
      assertThat(byViewer.get(join.viewerId))
          .as(join.viewerId)
          .anySatisfy(a -> {
            assertThat(a.moment).isEqualTo(DecisionMoment.JOIN);
            assertThat(a.eventTime).isEqualTo(join.eventTime);
            assertThat(a.mediaId).isEqualTo(join.mediaId);
          });
    }
    assertThat(actions).allSatisfy(a -> {
      assertThat(a.decidedBy).isEqualTo(DecidedBy.LOCAL);
      assertThat(a.widgets.length + a.offers.length).isPositive();
    });
    assertThat(actions).extracting(a -> a.id).doesNotHaveDuplicates();
  }

  @Test
  void nobodyUnder18OrWithoutAnAgeOrInACountryWithoutBettingIsOfferedABet() {
    long adultsOfferedBets = 0;
    for (ViewerAction a : actions) {
      ViewerEvent join = joins.get(a.viewerId);
      String age = join.profile.get("age");
      boolean mayBet =
          age != null
              && Integer.parseInt(age) >= 18
              && !NO_BETTING_COUNTRIES.contains(join.profile.get("country"));
      boolean offered = List.of(a.widgets).stream().anyMatch(w -> w.id.equals("w-bet"));
      assertThat(offered && !mayBet).as(a.id + " " + join.profile).isFalse();
      adultsOfferedBets += offered ? 1 : 0;
    }
    assertThat(adultsOfferedBets).as("the rule is not simply 'never'").isPositive();
    assertThat(joins.values()).anySatisfy(j -> assertThat(j.profile.get("age")).isNull());
  }

  @Test
  void theMatchsEventsOfInterestAndProductsMakeDecisionsWithTheirContext() throws Exception {
    List<EventOfInterest> raised = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(StreamName.EVENTS_OF_INTEREST.fileName()))) {
      raised.add(RecordCodec.decode(line, EventOfInterest.class));
    }
    assertThat(raised).isNotEmpty();
    for (EventOfInterest e : raised) {
      assertThat(
              actions.stream()
                  .anyMatch(
                      a ->
                          a.moment == DecisionMoment.EVENT_OF_INTEREST
                              && a.eventTime.equals(e.eventTime)
                              && e.type.name().equals(a.context.get("EVENT_OF_INTEREST"))
                              && "FINAL".equals(a.context.get("MATCH_TYPE"))))
          .as(e.id)
          .isTrue();
    }
    assertThat(actions)
        .filteredOn(a -> a.moment == DecisionMoment.PRODUCTS_CHANGED)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.context.get("ON_SCREEN_PRODUCTS")).isNotBlank())
        .anySatisfy(a -> assertThat(a.offers).hasSize(2));
  }
}
