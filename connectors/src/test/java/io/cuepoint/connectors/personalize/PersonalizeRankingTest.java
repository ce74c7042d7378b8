package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.connectors.personalize.PersonalizeServer.Answer;
import io.cuepoint.operators.viewer.DecisionRequest;
import io.cuepoint.operators.viewer.LocalDecisions;
import io.cuepoint.operators.viewer.LocalRanker;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ranking function with the real SDK v2 async clients against Personalize's protocol on
 * loopback.
 */
@ExtendWith(LocalAwsCredentials.class)
class PersonalizeRankingTest {
  static final String WIDGET_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/widgets";
  static final String OFFER_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/offers";
  private static final String[] WIDGETS = {"w-bet", "w-chat", "w-poll", "w-stats"};
  private static final LocalRanker LOCAL = LocalRanker.untrained();

  private static PersonalizeServer server;
  private PersonalizeSettings settings;

  @BeforeAll
  static void start() throws Exception {
    server = new PersonalizeServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void settings() {
    server.reset();
    settings = new PersonalizeSettings();
    settings.region = "eu-west-1";
    settings.endpoint = server.endpoint();
    settings.widgetCampaignArn = WIDGET_CAMPAIGN;
    settings.offerCampaignArn = OFFER_CAMPAIGN;
    settings.callsPerSecond = 1_000;
    // Generous: a cold SDK on a busy machine can take a second over its first call.
    settings.retryBudgetMs = 3_000;
    settings.callTimeoutMs = 2_000;
  }

  @Test
  void ranksWidgetsAndChoosesOffersByUpliftWithTheLiveContext() throws Exception {
    // With the discount in the context "prod-cap" jumps; "prod-scarf" is liked either way.
    server.scores =
        call -> {
          if (call.campaignArn.equals(WIDGET_CAMPAIGN)) {
            return PersonalizeServer.laterFirst(call);
          }
          boolean discount = "20".equals(call.context.get("DISCOUNT"));
          return Map.of(
              "prod-scarf", discount ? 0.55 : 0.50,
              "prod-cap", discount ? 0.30 : 0.05,
              "prod-hoodie", discount ? 0.15 : 0.45);
        };
    DecisionRequest request = request("fan-1", "25-34|HOME", true);

    List<ViewerAction> actions;
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 100)) {
      h.send(request);
      actions = h.finish();
    }

    assertThat(actions).singleElement().satisfies(a -> {
      assertThat(a.decidedBy).isEqualTo(DecidedBy.PERSONALIZE);
      assertThat(a.fromCache).isFalse();
      assertThat(a.id).isEqualTo(request.id);
      assertThat(a.widgets).extracting(w -> w.id).containsExactly("w-stats", "w-poll", "w-chat", "w-bet");
      assertThat(a.widgets).extracting(w -> w.rank).containsExactly(1, 2, 3, 4);
      assertThat(a.widgets[0].score).isEqualTo(0.4);
      assertThat(a.offers).extracting(o -> o.productId).containsExactly("prod-cap", "prod-scarf");
      assertThat(a.offers).extracting(o -> o.discountPercent).containsOnly(20.0);
      assertThat(a.context).isEqualTo(request.context);
    });
    assertThat(server.rankingCalls).hasSize(3);
    Map<String, List<PersonalizeServer.RankingCall>> byCampaign =
        server.rankingCalls.stream().collect(Collectors.groupingBy(c -> c.campaignArn));
    PersonalizeServer.RankingCall widgets = byCampaign.get(WIDGET_CAMPAIGN).get(0);
    assertThat(widgets.userId).isEqualTo("fan-1");
    assertThat(widgets.inputList).containsExactly(WIDGETS);
    assertThat(widgets.context).isEqualTo(request.context.toMap());
    Map<String, String> withDiscount = new HashMap<>(request.context.toMap());
    withDiscount.put("DISCOUNT", "20");
    assertThat(byCampaign.get(OFFER_CAMPAIGN))
        .extracting(c -> c.context)
        .containsExactlyInAnyOrder(request.context.toMap(), withDiscount);
    assertThat(byCampaign.get(OFFER_CAMPAIGN))
        .allSatisfy(c -> assertThat(c.inputList).containsExactly("prod-scarf", "prod-cap", "prod-hoodie"));
    for (PersonalizeServer.RankingCall c : server.rankingCalls) {
      assertThat(c.context.keySet()).allMatch(k -> k.matches("[A-Za-z0-9_]{1,150}"));
    }
  }

  /**
   * The whole async capacity in flight against a service answering after 50 ms: calls beyond the
   * subtask's calls in flight wait for a slot without their call timeout running, so every
   * decision is ranked by Personalize though the last ones wait longer than the call timeout.
   * Counting that wait against the timeout made nearly every call time out.
   */
  @Test
  void aFullCapacityOfDecisionsWaitsForCallSlotsAndAllAreRankedByPersonalize() throws Exception {
    settings.offerCampaignArn = "";
    settings.callTimeoutMs = 500;
    settings.callsInFlight = 4;
    server.rankingDelayMs = 50;
    int decisions = 100;

    List<ViewerAction> actions;
    long started = System.nanoTime();
    try (RankingHarness h = new RankingHarness(settings, LOCAL, decisions)) {
      for (int i = 0; i < decisions; i++) {
        h.send(request("fan-" + i, "18-24|NONE", false));
      }
      actions = h.finish();
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000L;

    assertThat(tookMs).as("the last decisions waited past the call timeout").isGreaterThan(settings.callTimeoutMs);
    assertThat(actions).hasSize(decisions);
    assertThat(actions).allSatisfy(a -> assertThat(a.decidedBy).isEqualTo(DecidedBy.PERSONALIZE));
    assertThat(server.mostRankingsAtOnce.get()).isBetween(1, settings.callsInFlight);
  }

  @ParameterizedTest
  @EnumSource(value = Answer.class, names = {"THROTTLE", "TOO_MANY_REQUESTS", "SERVER_ERROR", "SLOW"})
  void throttlingErrorsAndTimeoutsAreRetriedThenTheLocalRankerDecides(Answer answer) throws Exception {
    server.script = n -> answer;
    DecisionRequest request = request("fan-2", "18-24|NONE", false);
    settings.offerCampaignArn = "";
    // The slow server answers after 2 s.
    settings.callTimeoutMs = 500;
    settings.retryBudgetMs = 600;

    List<ViewerAction> actions;
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 100)) {
      h.send(request);
      actions = h.finish();
    }

    assertThat(actions).singleElement().isEqualTo(new LocalDecisions(LOCAL).decide(request));
    if (answer != Answer.SLOW) {
      assertThat(server.rankingCalls.size()).as("retried within the budget").isGreaterThan(1);
    }
  }

  @Test
  void aThrottledCallThatSucceedsOnRetryIsStillPersonalize() throws Exception {
    server.script = n -> n <= 2 ? Answer.THROTTLE : Answer.RANK;
    settings.offerCampaignArn = "";

    List<ViewerAction> actions;
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 100)) {
      h.send(request("fan-3", "18-24|NONE", false));
      actions = h.finish();
    }

    assertThat(actions).singleElement().satisfies(a -> assertThat(a.decidedBy).isEqualTo(DecidedBy.PERSONALIZE));
    assertThat(server.rankingCalls).hasSize(3);
  }

  @Test
  void aRefusedRequestIsNotRetried() throws Exception {
    server.script = n -> Answer.BAD_REQUEST;
    settings.offerCampaignArn = "";

    List<ViewerAction> actions;
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 100)) {
      h.send(request("fan-4", "18-24|NONE", false));
      actions = h.finish();
    }

    assertThat(actions).singleElement().satisfies(a -> assertThat(a.decidedBy).isEqualTo(DecidedBy.LOCAL));
    assertThat(server.rankingCalls).hasSize(1);
  }

  @Test
  void withoutACampaignNothingIsCalled() throws Exception {
    settings.widgetCampaignArn = "";
    settings.offerCampaignArn = "";
    DecisionRequest request = request("fan-5", "18-24|NONE", true);

    List<ViewerAction> actions;
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 100)) {
      h.send(request);
      actions = h.finish();
    }

    assertThat(actions).singleElement().isEqualTo(new LocalDecisions(LOCAL).decide(request));
    assertThat(server.rankingCalls).isEmpty();
  }

  /**
   * 10,000 viewers asking within about three seconds, against a budget of 200 calls a second: the
   * server never sees more than the budget (plus the bucket's tenth of a second) in any second,
   * and every viewer still gets a decision, from Personalize, its cache or the local ranker.
   */
  @Test
  void theCallBudgetHoldsUnderABurstOf10000Viewers() throws Exception {
    settings.offerCampaignArn = "";
    settings.callsPerSecond = 200;
    settings.cacheTtlMs = 10_000;
    String[] segments = {"18-24|HOME", "25-34|AWAY", "35-44|NONE", "AGE_UNKNOWN|NONE"};

    List<ViewerAction> actions;
    long started = System.currentTimeMillis();
    try (RankingHarness h = new RankingHarness(settings, LOCAL, 2_000)) {
      for (int batch = 0; batch < 10; batch++) {
        for (int i = 0; i < 1_000; i++) {
          int viewer = batch * 1_000 + i;
          h.send(request("v" + viewer, segments[viewer % segments.length], false));
        }
        RankingHarness.await(300);
      }
      actions = h.finish();
    }
    long seconds = Math.max(1, (System.currentTimeMillis() - started) / 1000);

    assertThat(actions).hasSize(10_000);
    assertThat(actions).extracting(a -> a.viewerId).doesNotHaveDuplicates();
    Map<Long, Integer> perSecond = server.callsPerSecond();
    assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(200 + 20));
    assertThat(server.rankingCalls.size()).isBetween(100, (int) (200 * (seconds + 1) + 20));
    long fromPersonalize = actions.stream().filter(a -> a.decidedBy == DecidedBy.PERSONALIZE && !a.fromCache).count();
    long fromCache = actions.stream().filter(a -> a.fromCache).count();
    long local = actions.stream().filter(a -> a.decidedBy == DecidedBy.LOCAL).count();
    assertThat(fromPersonalize).isPositive().isLessThanOrEqualTo(server.rankingCalls.size());
    assertThat(fromCache).isGreaterThan(5_000);
    assertThat(fromPersonalize + fromCache + local).isEqualTo(10_000);
    System.out.printf(
        "burst of 10000 viewers in %d s: %d Personalize calls (max %d in one second, budget 200),"
            + " %d from cache, %d local%n",
        seconds, fromPersonalize, perSecond.values().stream().max(Integer::compare).orElse(0), fromCache, local);
  }

  static DecisionRequest request(String viewerId, String segment, boolean offers) {
    DecisionRequest r = new DecisionRequest();
    r.id = "final-2026/" + viewerId + "/1780170000000/EVENT_OF_INTEREST/GOAL_FLURRY";
    r.viewerId = viewerId;
    r.mediaId = "final-2026";
    r.eventTime = 1_780_170_000_000L;
    r.positionMs = 3_000_000L;
    r.moment = DecisionMoment.EVENT_OF_INTEREST;
    r.segment = segment;
    r.context =
        StringMap.of(
            "MATCH_PHASE", "SECOND_HALF",
            "SCORE_DIFF", "ONE",
            "EVENT_OF_INTEREST", "GOAL_FLURRY",
            "FAVOURITE_TEAM", "LEADING",
            "ON_SCREEN_PRODUCTS", "prod-jersey-home-2026",
            "VENUE", "Lakeside_Arena");
    r.widgets = WIDGETS.clone();
    r.offerCandidates = offers ? new String[] {"prod-scarf", "prod-cap", "prod-hoodie"} : new String[0];
    r.discountPercent = 20.0;
    return r;
  }
}
