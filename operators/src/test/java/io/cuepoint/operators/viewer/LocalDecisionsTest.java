package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Local decisions against a straightforward reference: every item scored for the very user,
 * sorted as a list, nothing shared between decisions.
 */
class LocalDecisionsTest {
  private static final String[] PHASES = {"FIRST_HALF", "HALF_TIME", "SECOND_HALF"};
  private static final String[] MOODS = {"CALM", "TENSE"};
  private static final String[] DISCOUNTS = {"10", "20", "12.5"};
  private static final String[] TYPES = {"View", "View", "View", "Click", "Purchase", "Dismiss"};

  @Test
  void unknownUsersScoreBitForBitAsNoUserAlsoAfterSerialization() throws Exception {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      LocalRanker trained = LocalRankerTest.train(history(random));
      LocalRanker shipped = roundTrip(trained);
      for (int q = 0; q < 30; q++) {
        String[] items = items(random);
        StringMap context = context(random);
        String stranger = "stranger-" + random.nextInt(5);
        assertThat(trained.knows(stranger)).isFalse();
        assertThat(shipped.knows(stranger)).isFalse();
        double[] none = trained.scores(null, items, context);
        assertThat(bits(trained.scores(stranger, items, context))).containsExactly(bits(none));
        assertThat(bits(shipped.scores(stranger, items, context))).containsExactly(bits(none));
        assertThat(bits(shipped.scores(null, items, context))).containsExactly(bits(none));
      }
      assertThat(trained.knows(null)).isFalse();
      assertThat(shipped.knows("u0") || shipped.knows("u1") || shipped.knows("u2")).isTrue();
    }
  }

  @Test
  void decisionsAreTheReferencesForKnownUnknownAndNoUserAlsoAfterSerialization() throws Exception {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      LocalRanker ranker = LocalRankerTest.train(history(random));
      LocalDecisions decisions = new LocalDecisions(ranker);
      // Used first, so a shipped copy would carry what it shares if that were not left behind.
      List<DecisionRequest> occasion = occasion(random, 60);
      for (DecisionRequest r : occasion) {
        assertThat(decisions.decide(r)).isEqualTo(reference(ranker, r));
      }
      LocalDecisions shipped = roundTrip(decisions);
      for (DecisionRequest r : occasion(random, 60)) {
        ViewerAction expected = reference(ranker, r);
        assertThat(decisions.decide(r)).isEqualTo(expected);
        assertThat(decisions.decide(copy(r))).isEqualTo(expected);
        assertThat(shipped.decide(copy(r))).isEqualTo(expected);
        assertThat(decisions.discounted(r)).isEqualTo(LocalDecisions.withDiscount(r));
      }
    }
  }

  @Test
  void changingARequestAfterwardsChangesNoOtherDecision() throws Exception {
    Random random = new Random(7);
    LocalRanker ranker = LocalRankerTest.train(history(random));
    LocalDecisions decisions = new LocalDecisions(ranker);
    DecisionRequest r = request(random, "stranger", StringMap.of("PHASE", "HALF_TIME"));
    r.widgets = new String[] {"i1", "i2", "i3"};
    decisions.decide(r);
    DecisionRequest same = copy(r);
    r.widgets[0] = "i4";
    r.context.values[0] = "FIRST_HALF";
    assertThat(decisions.decide(same)).isEqualTo(reference(ranker, same));
    assertThat(decisions.decide(r)).isEqualTo(reference(ranker, r));
  }

  @Test
  void threadsSharingTheDecisionsGetTheReferences() throws Exception {
    Random random = new Random(11);
    LocalRanker ranker = LocalRankerTest.train(history(random));
    LocalDecisions decisions = new LocalDecisions(ranker);
    List<DecisionRequest> requests = occasion(random, 400);
    List<ViewerAction> expected = new ArrayList<>();
    for (DecisionRequest r : requests) {
      expected.add(reference(ranker, r));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ViewerAction>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            threads.submit(
                () -> {
                  List<ViewerAction> out = new ArrayList<>();
                  for (DecisionRequest r : requests) {
                    out.add(decisions.decide(copy(r)));
                  }
                  return out;
                }));
      }
      for (Future<List<ViewerAction>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void rankingsKeepTheReferenceOrderForTiesRepeatsAndSpecialScores() {
    Random random = new Random(5);
    double[] values = {0.0, -0.0, 0.25, 0.5, Double.NaN, 1.0, Double.POSITIVE_INFINITY};
    for (int q = 0; q < 2_000; q++) {
      String[] items = new String[random.nextInt(9)];
      double[] scores = new double[items.length];
      for (int i = 0; i < items.length; i++) {
        items[i] = "i" + random.nextInt(6);
        scores[i] = values[random.nextInt(values.length)];
      }
      LinkedHashMap<String, Double> expected = referenceRanking(items, scores);
      Ranking r = Ranking.byScore(items, scores);
      assertThat(r.size()).isEqualTo(expected.size());
      int rank = 0;
      for (Map.Entry<String, Double> e : expected.entrySet()) {
        assertThat(r.id(rank)).isEqualTo(e.getKey());
        assertThat(Double.doubleToRawLongBits(r.score(rank))).isEqualTo(Double.doubleToRawLongBits(e.getValue()));
        rank++;
      }
      String[] asked = Arrays.copyOf(items, items.length / 2);
      assertThat(ViewerActions.ranked(asked, Ranking.of(expected)))
          .containsExactly(referenceRanked(asked, expected));
      double[] other = new double[items.length];
      Map<String, Double> with = new HashMap<>();
      for (int i = 0; i < items.length; i++) {
        other[i] = values[random.nextInt(values.length)];
        with.put(items[i], other[i]);
      }
      assertThat(OfferUplift.choose(items, with, expected, 20.0))
          .containsExactly(referenceChoose(items, with, expected, 20.0));
    }
  }

  static List<String> history(Random random) {
    List<String> lines = new ArrayList<>(List.of("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,PHASE,MOOD,DISCOUNT"));
    int n = 1 + random.nextInt(400);
    for (int i = 0; i < n; i++) {
      lines.add("u" + random.nextInt(12) + ",i" + random.nextInt(8) + ",1," + TYPES[random.nextInt(TYPES.length)]
          + "," + (random.nextInt(5) == 0 ? "" : PHASES[random.nextInt(PHASES.length)])
          + "," + (random.nextInt(3) == 0 ? "" : MOODS[random.nextInt(MOODS.length)])
          + "," + (random.nextInt(2) == 0 ? "" : DISCOUNTS[random.nextInt(DISCOUNTS.length)]));
    }
    return lines;
  }

  /** Requests as an occasion makes them: a few contexts and item lists, many viewers. */
  static List<DecisionRequest> occasion(Random random, int viewers) {
    StringMap[] contexts = {context(random), context(random), context(random)};
    String[][] widgetLists = {items(random), items(random)};
    String[][] candidateLists = {items(random), new String[0]};
    List<DecisionRequest> out = new ArrayList<>();
    for (int v = 0; v < viewers; v++) {
      String user;
      switch (random.nextInt(3)) {
        case 0:
          user = "u" + random.nextInt(14);
          break;
        case 1:
          user = null;
          break;
        default:
          user = "stranger-" + random.nextInt(100);
          break;
      }
      DecisionRequest r = request(random, user, contexts[random.nextInt(contexts.length)]);
      r.widgets = widgetLists[random.nextInt(widgetLists.length)];
      r.offerCandidates = candidateLists[random.nextInt(candidateLists.length)];
      r.discountPercent = random.nextBoolean() ? 20.0 : 12.5;
      out.add(r);
    }
    return out;
  }

  private static DecisionRequest request(Random random, String user, StringMap context) {
    DecisionRequest r = new DecisionRequest();
    r.id = "m/" + user + "/1/JOIN";
    r.viewerId = user;
    r.mediaId = "m";
    r.eventTime = 1L;
    r.positionMs = 0L;
    r.moment = DecisionMoment.JOIN;
    r.segment = "S";
    r.context = context;
    r.widgets = items(random);
    r.offerCandidates = items(random);
    r.discountPercent = 20.0;
    return r;
  }

  /** Items as a list of a decision: sometimes with an item twice. */
  private static String[] items(Random random) {
    String[] items = new String[random.nextInt(7)];
    for (int i = 0; i < items.length; i++) {
      items[i] = "i" + random.nextInt(10);
    }
    return items;
  }

  private static StringMap context(Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return new StringMap();
      case 1:
        return StringMap.of("PHASE", PHASES[random.nextInt(PHASES.length)], "OTHER", "X");
      default:
        return StringMap.of("PHASE", random.nextBoolean() ? "OVERTIME" : PHASES[random.nextInt(PHASES.length)],
            "MOOD", MOODS[random.nextInt(MOODS.length)]);
    }
  }

  /** A copy with arrays and strings of its own, as a record copied between operators is. */
  private static DecisionRequest copy(DecisionRequest r) {
    DecisionRequest c = new DecisionRequest();
    c.id = r.id;
    c.viewerId = r.viewerId == null ? null : new String(r.viewerId);
    c.mediaId = r.mediaId;
    c.eventTime = r.eventTime;
    c.positionMs = r.positionMs;
    c.moment = r.moment;
    c.segment = r.segment;
    c.context = new StringMap();
    c.context.keys = fresh(r.context.keys);
    c.context.values = fresh(r.context.values);
    c.widgets = fresh(r.widgets);
    c.offerCandidates = fresh(r.offerCandidates);
    c.discountPercent = r.discountPercent;
    return c;
  }

  private static String[] fresh(String[] strings) {
    String[] out = new String[strings.length];
    for (int i = 0; i < strings.length; i++) {
      out[i] = new String(strings[i]);
    }
    return out;
  }

  private static ViewerAction reference(LocalRanker ranker, DecisionRequest request) {
    RankedWidget[] widgets =
        referenceRanked(request.widgets, referenceRanking(request.widgets,
            ranker.scores(request.viewerId, request.widgets, request.context)));
    Offer[] offers = new Offer[0];
    if (request.offerCandidates.length > 0) {
      String[] c = request.offerCandidates;
      offers =
          referenceChoose(
              c,
              referenceRanking(c, ranker.scores(request.viewerId, c, LocalDecisions.withDiscount(request))),
              referenceRanking(c, ranker.scores(request.viewerId, c, request.context)),
              request.discountPercent);
    }
    return ViewerActions.of(request, widgets, offers, DecidedBy.LOCAL, false);
  }

  private static LinkedHashMap<String, Double> referenceRanking(String[] items, double[] scores) {
    Map<String, Double> byItem = new HashMap<>();
    for (int i = 0; i < items.length; i++) {
      byItem.put(items[i], scores[i]);
    }
    List<String> order = new ArrayList<>(List.of(items));
    order.sort(Comparator.comparingDouble((String id) -> byItem.get(id)).reversed().thenComparing(id -> id));
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    for (String id : order) {
      out.put(id, byItem.get(id));
    }
    return out;
  }

  private static RankedWidget[] referenceRanked(String[] asked, LinkedHashMap<String, Double> returned) {
    List<String> order = new ArrayList<>();
    for (String id : returned.keySet()) {
      if (Arrays.asList(asked).contains(id)) {
        order.add(id);
      }
    }
    for (String id : asked) {
      if (!order.contains(id)) {
        order.add(id);
      }
    }
    RankedWidget[] out = new RankedWidget[order.size()];
    for (int i = 0; i < out.length; i++) {
      RankedWidget w = new RankedWidget();
      w.id = order.get(i);
      w.rank = i + 1;
      w.score = returned.getOrDefault(w.id, 0.0);
      out[i] = w;
    }
    return out;
  }

  private static Offer[] referenceChoose(
      String[] candidates, Map<String, Double> with, Map<String, Double> without, double discountPercent) {
    List<String> ranked = new ArrayList<>(List.of(candidates));
    ranked.sort(
        Comparator.comparingDouble(
                (String p) -> OfferUplift.uplift(with.getOrDefault(p, 0.0), without.getOrDefault(p, 0.0)))
            .reversed()
            .thenComparing(p -> p));
    List<Offer> offers = new ArrayList<>();
    for (String productId : ranked.subList(0, Math.min(OfferUplift.OFFERS, ranked.size()))) {
      Offer o = new Offer();
      o.productId = productId;
      o.discountPercent = discountPercent;
      offers.add(o);
    }
    return offers.toArray(new Offer[0]);
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
