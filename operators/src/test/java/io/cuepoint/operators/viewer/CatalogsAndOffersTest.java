package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogsAndOffersTest {

  @Test
  void theSampleCatalogsAreRead() throws Exception {
    WidgetCatalog widgets = ViewerHarness.widgets();
    assertThat(widgets.widgets()).extracting(WidgetRule::id)
        .containsExactly("w-bet", "w-chat", "w-food", "w-poll", "w-trivia", "w-stats", "w-shop");
    assertThat(widgets.get("w-bet").minAge).isEqualTo(18);
    assertThat(widgets.get("w-bet").allowedIn("GB")).isTrue();
    assertThat(widgets.get("w-bet").allowedIn("US")).isFalse();
    assertThat(widgets.get("w-bet").allowedIn(null)).isFalse();
    assertThat(widgets.get("w-poll").allowedIn(null)).isTrue();
    ProductCatalog products = ViewerHarness.products();
    assertThat(products.size()).isEqualTo(30);
    assertThat(products.productForLabel("Soccer Ball")).isEqualTo("prod-ball-final-2026");
  }

  @Test
  void aBrokenCatalogIsNamedByWidgetOrProductAndField() {
    assertThatThrownBy(() -> WidgetCatalog.parse("{\"widgets\":[{\"id\":\"w\",\"type\":\"BET\",\"minAge\":-1}]}"))
        .hasMessage("widget w.minAge: must be a whole number from 0 to 150");
    assertThatThrownBy(() -> WidgetCatalog.parse("{\"widgets\":[{\"id\":\"w\",\"type\":\"BET\"},{\"id\":\"w\",\"type\":\"X\"}]}"))
        .hasMessage("widgets[1].id: 'w' appears twice");
    assertThatThrownBy(() -> WidgetCatalog.parse("{\"widgets\":[{\"id\":\"w\",\"type\":\"BET\",\"countries\":\"GB\"}]}"))
        .hasMessage("widget w.countries: must be an array of country codes");
    assertThatThrownBy(() -> WidgetCatalog.parse("[")).hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> ProductCatalog.parse("{\"products\":[{\"productId\":\"a\",\"related\":[\"b\"]}]}"))
        .hasMessage("product a.related: 'b' is not in the catalog");
    assertThatThrownBy(() -> ProductCatalog.parse(
            "{\"products\":[{\"productId\":\"a\",\"labels\":[\"Ball\"]},{\"productId\":\"b\",\"labels\":[\"Ball\"]}]}"))
        .hasMessage("product b.labels: 'Ball' already means a");
  }

  @Test
  void offerCandidatesAreTheRelatedProductsOnceEachInOrderWithoutThoseOnScreen() {
    ProductCatalog products =
        new ProductCatalog(
            Map.of("a", new String[] {"c", "b", "d"}, "b", new String[] {"e", "c", "a"}, "x", new String[0]),
            Map.of());
    assertThat(products.offerCandidates(new String[] {"a", "b"})).containsExactly("c", "d", "e");
    assertThat(products.offerCandidates(new String[] {"b"})).containsExactly("e", "c", "a");
    assertThat(products.offerCandidates(new String[] {"x", "unknown"})).isEmpty();
    assertThat(products.offerCandidates(new String[0])).isEmpty();
    assertThat(ProductCatalog.empty().offerCandidates(new String[] {"a"})).isEmpty();
  }

  @Test
  void offersGoToTheProductsTheDiscountMovesMostNotTheBestScored() {
    String[] candidates = {"popular", "swayed", "flat", "cold"};
    // popular: 0.50 -> 0.55 (uplift ~1.08); swayed: 0.10 -> 0.30 (~2.73);
    // flat: 0.20 -> 0.20 (~0.95); cold: 0.00 -> 0.02 (2.0, kept from winning on noise by the 0.01).
    Map<String, Double> without = Map.of("popular", 0.50, "swayed", 0.10, "flat", 0.20, "cold", 0.0);
    Map<String, Double> with = Map.of("popular", 0.55, "swayed", 0.30, "flat", 0.20, "cold", 0.02);
    Offer[] offers = OfferUplift.choose(candidates, with, without, 15.0);
    assertThat(offers).extracting(o -> o.productId).containsExactly("swayed", "cold");
    assertThat(offers).extracting(o -> o.discountPercent).containsOnly(15.0);
    assertThat(OfferUplift.choose(new String[] {"only"}, Map.of(), Map.of(), 20.0)).hasSize(1);
    assertThat(OfferUplift.uplift(0.3, 0.1)).isEqualTo(0.3 / 0.11);
  }

  @Test
  void theLocalDecisionRanksOnlyWhatTheRulesAllowed() throws Exception {
    LocalRanker ranker =
        LocalRankerTest.train(java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("..", "samples", "soccer-final", "interactions.csv")));
    DecisionRequest r = new DecisionRequest();
    r.id = "m/v/1/JOIN";
    r.viewerId = "fan-00001";
    r.mediaId = "m";
    r.eventTime = 1L;
    r.positionMs = 0L;
    r.moment = DecisionMoment.JOIN;
    r.segment = "AGE_UNKNOWN|NONE";
    r.context = StringMap.of("MATCH_PHASE", "HALF_TIME", "SCORE_DIFF", "ONE");
    r.widgets = new String[] {"w-poll", "w-food", "w-stats"};
    r.offerCandidates = new String[] {"prod-pizza-margherita", "prod-beer-lager-12", "prod-nachos-share"};
    r.discountPercent = 20.0;

    ViewerAction a = new LocalDecisions(ranker).decide(r);

    assertThat(a.decidedBy).isEqualTo(DecidedBy.LOCAL);
    assertThat(a.fromCache).isFalse();
    assertThat(a.widgets).extracting(w -> w.id).containsExactlyInAnyOrder("w-poll", "w-food", "w-stats");
    assertThat(a.widgets).extracting(w -> w.rank).containsExactly(1, 2, 3);
    assertThat(a.widgets[0].score).isGreaterThanOrEqualTo(a.widgets[1].score);
    assertThat(a.offers).hasSize(2).extracting(o -> o.productId).isSubsetOf(r.offerCandidates);
    assertThat(new LocalDecisions(ranker).decide(r)).isEqualTo(a);
  }
}
