package io.cuepoint.operators.viewer;

import static io.cuepoint.operators.viewer.ViewerHarness.MEDIA;
import static io.cuepoint.operators.viewer.ViewerHarness.T0;
import static io.cuepoint.operators.viewer.ViewerHarness.event;
import static io.cuepoint.operators.viewer.ViewerHarness.interaction;
import static io.cuepoint.operators.viewer.ViewerHarness.join;
import static io.cuepoint.operators.viewer.ViewerHarness.match;
import static io.cuepoint.operators.viewer.ViewerHarness.screen;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ViewerContextFunctionTest {
  private static final long MINUTE = 60_000L;
  private static final long FAR = T0 + 48 * 3_600_000L;

  private final ViewerSettings settings = new ViewerSettings();

  @Test
  void aJoinGetsADecisionWithTheLiveContext() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.live(match(MINUTE, 1, 0), screen(MINUTE + 5_000, "prod-ball-final-2026"))
          .viewer(join("fan-1", 2 * MINUTE, "age", "30", "ageBand", "25-34", "country", "GB", "favouriteTeam", "AWAY"))
          .watermark(T0 + 3 * MINUTE);

      List<DecisionRequest> requests = h.requests();
      assertThat(requests).hasSize(1);
      DecisionRequest r = requests.get(0);
      assertThat(r.moment).isEqualTo(DecisionMoment.JOIN);
      assertThat(r.id).isEqualTo(MEDIA + "/fan-1/" + (T0 + 2 * MINUTE) + "/JOIN");
      assertThat(r.eventTime).isEqualTo(T0 + 2 * MINUTE);
      assertThat(r.positionMs).isEqualTo(2 * MINUTE);
      assertThat(r.widgets).containsExactly("w-bet", "w-chat", "w-food", "w-poll", "w-trivia", "w-stats", "w-shop");
      assertThat(r.offerCandidates)
          .as("related products of the ball on screen, from the catalog")
          .containsExactly("prod-ball-replica-mini", "prod-boots-velocity-9");
      assertThat(r.discountPercent).isEqualTo(20.0);
      assertThat(r.segment).isEqualTo("25-34|AWAY");
      assertThat(r.context.toMap())
          .containsEntry("MATCH_PHASE", "SECOND_HALF")
          .containsEntry("SCORE_DIFF", "ONE")
          .containsEntry("LAST_EVENT", "GOAL")
          .containsEntry("FAVOURITE_TEAM", "TRAILING")
          .containsEntry("EVENT_OF_INTEREST", "NONE")
          .containsEntry("ON_SCREEN_PRODUCTS", "prod-ball-final-2026")
          .containsEntry("TOP_LABELS", "Soccer,Crowd")
          .containsEntry("MATCH_TYPE", "FINAL");
    }
  }

  @Test
  void bettingNeverGoesToAnyoneUnder18OrWithoutAnAgeOnRecord() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    String[] countries = {"GB", "ES", "IE", "US", "BR"};
    Map<String, Boolean> mayBet = new HashMap<>();
    List<ViewerEvent> joins = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String id = "v" + i;
      String country = countries[random.nextInt(countries.length)];
      int age = 10 + random.nextInt(50);
      List<String> profile = new ArrayList<>(List.of("country", country));
      Integer known;
      switch (i % 5) {
        case 0: // no age on record at all
          known = null;
          break;
        case 1: // an age band only: its lowest age counts
          String band = age < 18 ? "13-17" : age < 25 ? "18-24" : "25-34";
          profile.addAll(List.of("ageBand", band));
          known = age < 18 ? 13 : age < 25 ? 18 : 25;
          break;
        case 2: // an unreadable age
          profile.addAll(List.of("age", age < 18 ? "seventeen" : "adult"));
          known = null;
          break;
        default:
          profile.addAll(List.of("age", Integer.toString(age), "ageBand", age < 18 ? "13-17" : "18-24"));
          known = age;
      }
      mayBet.put(id, known != null && known >= 18 && !country.equals("US"));
      joins.add(join(id, 1_000 + i, profile.toArray(new String[0])));
    }
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.viewer(joins.toArray(new ViewerEvent[0]))
          .live(match(MINUTE, 1, 1, EventOfInterestType.CLOSE_FINISH))
          .live(screen(2 * MINUTE, "prod-jersey-home-2026"))
          .live(match(3 * MINUTE, 2, 1, EventOfInterestType.GOAL_FLURRY))
          .watermark(T0 + 4 * MINUTE);

      Map<String, List<DecisionRequest>> byViewer =
          h.requests().stream().collect(Collectors.groupingBy(r -> r.viewerId));
      assertThat(byViewer).hasSize(400);
      for (Map.Entry<String, List<DecisionRequest>> e : byViewer.entrySet()) {
        for (DecisionRequest r : e.getValue()) {
          if (mayBet.get(e.getKey())) {
            assertThat(r.widgets).as(e.getKey()).contains("w-bet");
          } else {
            assertThat(r.widgets).as(e.getKey()).doesNotContain("w-bet");
          }
        }
      }
      assertThat(mayBet.values()).contains(true, false);
      assertThat(h.deadLetters())
          .hasSize(80)
          .allSatisfy(d -> assertThat(d.error).startsWith("profile.age: "));
    }
  }

  @Test
  void aWidgetSeenAsOftenAsItsHourlyCapIsNotOfferedUntilTheHourHasPassed() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.viewer(join("fan-1", 0, "age", "40", "country", "ES"));
      // w-bet: 4 views an hour. Views at 1, 11, 21 and 31 minutes; heartbeats keep the viewer.
      for (int m = 1; m <= 31; m += 10) {
        h.viewer(interaction("fan-1", m * MINUTE, "w-bet", Interaction.VIEW));
      }
      for (int m = 2; m <= 70; m += 2) {
        h.viewer(event("fan-1", ViewerEventType.HEARTBEAT, m * MINUTE));
      }
      h.live(match(21 * MINUTE + 1_000, 1, 0, EventOfInterestType.RED_CARD))
          .live(match(40 * MINUTE, 1, 1, EventOfInterestType.CLOSE_FINISH))
          .live(match(61 * MINUTE + 1_000, 2, 1, EventOfInterestType.GOAL_FLURRY))
          .watermark(T0 + 70 * MINUTE);

      Map<EventOfInterestType, DecisionRequest> byEvent = eventDecisions(h, "fan-1");
      assertThat(byEvent.get(EventOfInterestType.RED_CARD).widgets).as("3 views so far").contains("w-bet");
      assertThat(byEvent.get(EventOfInterestType.CLOSE_FINISH).widgets).as("4 views in the hour").doesNotContain("w-bet");
      assertThat(byEvent.get(EventOfInterestType.GOAL_FLURRY).widgets)
          .as("the view at 1 minute is more than an hour old")
          .contains("w-bet");
      assertThat(byEvent.get(EventOfInterestType.CLOSE_FINISH).widgets).contains("w-chat", "w-stats");
    }
  }

  @Test
  void aDismissedWidgetWaitsOutItsCooldown() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      // w-chat: 120 s cooldown after a dismiss.
      h.viewer(join("fan-1", 0, "age", "20", "country", "GB"))
          .viewer(interaction("fan-1", 10_000, "w-chat", Interaction.VIEW))
          .viewer(interaction("fan-1", 12_000, "w-chat", Interaction.DISMISS))
          .live(match(12_000 + 119_000, 1, 0, EventOfInterestType.RED_CARD))
          .live(match(12_000 + 120_000, 1, 1, EventOfInterestType.CLOSE_FINISH))
          .watermark(T0 + 3 * MINUTE);

      Map<EventOfInterestType, DecisionRequest> byEvent = eventDecisions(h, "fan-1");
      assertThat(h.requestsFor("fan-1").get(0).widgets).contains("w-chat");
      assertThat(byEvent.get(EventOfInterestType.RED_CARD).widgets).doesNotContain("w-chat").contains("w-poll");
      assertThat(byEvent.get(EventOfInterestType.CLOSE_FINISH).widgets).contains("w-chat");
      assertThat(h.feedback())
          .extracting(f -> f.itemId + ":" + f.eventType)
          .containsExactly("w-chat:View", "w-chat:Dismiss");
    }
  }

  @Test
  void eachEventOfInterestReachesEveryViewerOfTheMediaOnce() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      for (int i = 0; i < 50; i++) {
        h.viewer(join("v" + i, 1_000 + i * 100, "age", "30", "country", "GB"));
      }
      ViewerEvent otherMedia = join("elsewhere", 2_000, "age", "30");
      otherMedia.mediaId = "studio-show";
      h.viewer(otherMedia)
          .viewer(event("v7", ViewerEventType.LEAVE, 20_000))
          // Two events of interest from one update, and another ten seconds later: no rate limit.
          .live(match(30_000, 2, 2, EventOfInterestType.CLOSE_FINISH, EventOfInterestType.GOAL_FLURRY))
          .live(match(40_000, 2, 2, EventOfInterestType.SOCIAL_SURGE))
          .viewer(join("late", 45_000, "age", "30"))
          .watermark(T0 + MINUTE);

      List<DecisionRequest> fromEvents =
          h.requests().stream()
              .filter(r -> r.moment == DecisionMoment.EVENT_OF_INTEREST)
              .collect(Collectors.toList());
      Map<String, List<String>> eventsByViewer =
          fromEvents.stream()
              .collect(Collectors.groupingBy(r -> r.viewerId,
                  Collectors.mapping(r -> r.context.get("EVENT_OF_INTEREST"), Collectors.toList())));
      assertThat(eventsByViewer).hasSize(49).doesNotContainKeys("v7", "late", "elsewhere");
      for (List<String> seen : eventsByViewer.values()) {
        assertThat(seen).containsExactlyInAnyOrder("CLOSE_FINISH", "GOAL_FLURRY", "SOCIAL_SURGE");
      }
      assertThat(fromEvents).extracting(r -> r.id).doesNotHaveDuplicates();
    }
  }

  @Test
  void productChangesDecideAtMostOncePerViewerPerInterval() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.viewer(join("fan-1", 0, "age", "30", "country", "GB"))
          .live(screen(10_000, "prod-jersey-home-2026"))
          .live(screen(15_000, "prod-jersey-home-2026"))
          .live(screen(70_000, "prod-boots-velocity-9"))
          .live(screen(80_000, "prod-ball-final-2026"))
          .live(screen(85_000))
          .live(screen(100_000, "prod-scarf-sierra"))
          .live(screen(131_000, "prod-scarf-sierra"))
          .live(screen(135_000, "prod-ball-final-2026"))
          .watermark(T0 + 3 * MINUTE);

      List<DecisionRequest> requests = h.requestsFor("fan-1");
      assertThat(requests)
          .extracting(r -> r.moment + "@" + (r.eventTime - T0))
          .containsExactly("JOIN@0", "PRODUCTS_CHANGED@70000", "PRODUCTS_CHANGED@135000");
      assertThat(requests.get(1).offerCandidates)
          .containsExactly("prod-socks-grip", "prod-shinpads-guard", "prod-ball-final-2026");
      assertThat(requests.get(1).context.get("ON_SCREEN_PRODUCTS")).isEqualTo("prod-boots-velocity-9");
    }
  }

  @Test
  void viewersWhoLeftOrWentSilentAreForgottenAndAllStateIsCleared() throws Exception {
    settings.viewerIdleTimeoutMs = 5 * MINUTE;
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.viewer(join("leaver", 0, "age", "30"), join("silent", 0, "age", "30"), join("active", 0, "age", "30"))
          .viewer(event("leaver", ViewerEventType.LEAVE, MINUTE));
      for (int m = 2; m <= 10; m += 2) {
        h.viewer(event("active", ViewerEventType.HEARTBEAT, m * MINUTE));
      }
      h.live(match(6 * MINUTE, 1, 0, EventOfInterestType.RED_CARD)).watermark(T0 + 7 * MINUTE);
      assertThat(h.harness.numKeyedStateEntries()).isGreaterThan(0);
      h.watermark(FAR);

      assertThat(h.requests().stream().filter(r -> r.moment == DecisionMoment.EVENT_OF_INTEREST))
          .extracting(r -> r.viewerId)
          .containsExactly("active");
      assertThat(h.harness.numKeyedStateEntries()).as("viewers, live context, buffers").isZero();
    }
  }

  @Test
  void theSameEventsInAnotherOrderWithinTheWatermarkGiveTheSameDecisions() throws Exception {
    List<Object> inputs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      inputs.add(join("v" + i, 1_000L * (i % 4), "age", Integer.toString(15 + i * 2), "country", "GB"));
    }
    inputs.add(screen(2_000, "prod-flag-final-2026"));
    inputs.add(match(3_000, 1, 0, EventOfInterestType.RED_CARD));
    inputs.add(interaction("v3", 3_000, "w-chat", Interaction.DISMISS));
    List<Object> reversed = new ArrayList<>(inputs);
    java.util.Collections.reverse(reversed);
    assertThat(run(reversed)).isEqualTo(run(inputs)).isNotEmpty();
  }

  private List<String> run(List<Object> inputs) throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.inputs(inputs).watermark(T0 + MINUTE);
      return described(h.requests());
    }
  }

  private static List<String> described(List<DecisionRequest> requests) {
    return requests.stream()
        .map(r -> r.id + " " + r.segment + " " + String.join(",", r.widgets) + " "
            + String.join(",", r.offerCandidates) + " " + r.context)
        .collect(Collectors.toList());
  }

  @Test
  void aRestoredOperatorCarriesOnWithWhatItHadBufferedAndItsViewers() throws Exception {
    settings.viewerIdleTimeoutMs = 5 * MINUTE;
    List<Object> beforeSnapshot =
        List.of(
            join("fan-1", 0, "age", "30", "country", "GB", "favouriteTeam", "HOME"),
            join("fan-2", 10_000, "ageBand", "13-17", "country", "US"),
            screen(20_000, "prod-jersey-home-2026"),
            interaction("fan-1", 30_000, "w-chat", Interaction.DISMISS),
            // Past the watermark at the snapshot: still buffered.
            match(2 * MINUTE, 1, 0, EventOfInterestType.RED_CARD),
            join("fan-3", 2 * MINUTE, "age", "45", "favouriteTeam", "AWAY"),
            screen(2 * MINUTE + 1, "prod-ball-final-2026"));
    List<Object> afterSnapshot =
        List.of(
            event("fan-1", ViewerEventType.HEARTBEAT, 4 * MINUTE),
            event("fan-3", ViewerEventType.HEARTBEAT, 5 * MINUTE),
            // fan-2 has been silent for over five minutes by now.
            match(8 * MINUTE, 2, 0, EventOfInterestType.GOAL_FLURRY),
            screen(9 * MINUTE, "prod-scarf-sierra"));
    List<Object> all = new ArrayList<>(beforeSnapshot);
    all.addAll(afterSnapshot);

    List<String> uninterrupted;
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.inputs(all).watermark(T0 + MINUTE).watermark(FAR);
      uninterrupted = described(h.requests());
    }

    List<String> resumed;
    try (ViewerHarness first = new ViewerHarness(settings)) {
      first.inputs(beforeSnapshot).watermark(T0 + MINUTE);
      resumed = new ArrayList<>(described(first.requests()));
      try (ViewerHarness second = new ViewerHarness(settings, first.snapshot())) {
        second.inputs(afterSnapshot).watermark(FAR);
        resumed.addAll(described(second.requests()));
        assertThat(second.requests())
            .as("the buffered event of interest reaches the viewers restored with the operator")
            .anySatisfy(r -> assertThat(r.id).isEqualTo(MEDIA + "/fan-1/" + (T0 + 2 * MINUTE) + "/EVENT_OF_INTEREST/RED_CARD"));
        assertThat(second.requests())
            .filteredOn(r -> r.moment == DecisionMoment.EVENT_OF_INTEREST && r.context.get("EVENT_OF_INTEREST").equals("GOAL_FLURRY"))
            .extracting(r -> r.viewerId)
            .containsExactlyInAnyOrder("fan-1", "fan-3");
        assertThat(second.harness.numKeyedStateEntries()).as("cleared by the sweeps").isZero();
      }
    }
    // The viewers of a media are visited in no particular order: the decisions are what must match.
    assertThat(resumed).hasSize(8).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  @Test
  void interactionsWithUnknownItemsAreDeadLettersAndKnownOnesFeedbackWithTheirContext() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      h.live(match(1_000, 0, 1))
          .viewer(join("fan-1", 2_000, "age", "30", "favouriteTeam", "HOME"))
          .viewer(interaction("fan-1", 3_000, "w-nope", Interaction.CLICK))
          .viewer(interaction("fan-1", 4_000, "prod-pizza-margherita", Interaction.PURCHASE))
          .watermark(T0 + MINUTE);

      assertThat(h.deadLetters()).singleElement().satisfies(d -> {
        assertThat(d.input).isEqualTo("viewer-events");
        assertThat(d.error).contains("w-nope");
      });
      assertThat(h.feedback()).singleElement().satisfies(f -> {
        assertThat(f.eventType).isEqualTo("Purchase");
        assertThat(f.sessionId).isEqualTo("fan-1-" + (T0 + 2_000));
        assertThat(f.context.get("FAVOURITE_TEAM")).isEqualTo("TRAILING");
      });
    }
  }

  @Test
  void withNoCatalogsInteractionsAreNotDeadLetters() throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings, new WidgetCatalog(List.of()), ProductCatalog.empty())) {
      h.live(match(1_000, 0, 1))
          .viewer(join("fan-1", 2_000, "age", "30"))
          .viewer(interaction("fan-1", 3_000, "w-chat", Interaction.CLICK))
          .watermark(T0 + MINUTE);

      assertThat(h.deadLetters()).isEmpty();
      assertThat(h.feedback()).singleElement().satisfies(f -> assertThat(f.itemId).isEqualTo("w-chat"));
    }
  }

  private static Map<EventOfInterestType, DecisionRequest> eventDecisions(ViewerHarness h, String viewerId) {
    Map<EventOfInterestType, DecisionRequest> out = new HashMap<>();
    for (DecisionRequest r : h.requestsFor(viewerId)) {
      if (r.moment == DecisionMoment.EVENT_OF_INTEREST) {
        out.put(EventOfInterestType.valueOf(r.context.get("EVENT_OF_INTEREST")), r);
      }
    }
    return out;
  }
}
