package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.Offer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses the products to discount: the candidates whose score rises most when the ranking knows
 * a discount is on offer. uplift = score with the discount ÷ (0.01 + score without), so a product
 * the viewer would take anyway gains little, and the 0.01 keeps a product scored near 0 without
 * the discount from winning on noise. Highest uplift first, ties by product id; the top {@value
 * #OFFERS} become offers.
 */
public final class OfferUplift {
  public static final int OFFERS = 2;
  static final double FLOOR = 0.01;

  private OfferUplift() {}

  public static double uplift(double withDiscount, double withoutDiscount) {
    return withDiscount / (FLOOR + withoutDiscount);
  }

  /**
   * @param withDiscount score of each candidate ranked with the discount in the context (missing:
   *     0)
   * @param withoutDiscount the same without it
   */
  public static Offer[] choose(
      String[] candidates,
      Map<String, Double> withDiscount,
      Map<String, Double> withoutDiscount,
      double discountPercent) {
    List<String> ranked = new ArrayList<>(List.of(candidates));
    ranked.sort(
        Comparator.comparingDouble(
                (String p) ->
                    uplift(withDiscount.getOrDefault(p, 0.0), withoutDiscount.getOrDefault(p, 0.0)))
            .reversed()
            .thenComparing(p -> p));
    List<Offer> offers = new ArrayList<>();
    for (String productId : ranked.subList(0, Math.min(OFFERS, ranked.size()))) {
      Offer o = new Offer();
      o.productId = productId;
      o.discountPercent = discountPercent;
      offers.add(o);
    }
    return offers.toArray(new Offer[0]);
  }
}
