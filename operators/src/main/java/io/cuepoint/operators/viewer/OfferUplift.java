package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.Offer;
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
    double[] with = new double[candidates.length];
    double[] without = new double[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      with[i] = withDiscount.getOrDefault(candidates[i], 0.0);
      without[i] = withoutDiscount.getOrDefault(candidates[i], 0.0);
    }
    return offers(chosen(candidates, with, without), discountPercent);
  }

  /**
   * The products to discount, best first.
   *
   * @param withDiscount score of each candidate, in the same order, ranked with the discount in
   *     the context
   * @param withoutDiscount the same without it
   */
  static String[] chosen(String[] candidates, double[] withDiscount, double[] withoutDiscount) {
    double[] uplift = new double[candidates.length];
    int[] order = new int[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      uplift[i] = uplift(withDiscount[i], withoutDiscount[i]);
      order[i] = i;
    }
    Ranking.sortBestFirst(order, order.length, candidates, uplift);
    String[] out = new String[Math.min(OFFERS, order.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = candidates[order[i]];
    }
    return out;
  }

  static Offer[] offers(String[] productIds, double discountPercent) {
    Offer[] offers = new Offer[productIds.length];
    for (int i = 0; i < offers.length; i++) {
      Offer o = new Offer();
      o.productId = productIds[i];
      o.discountPercent = discountPercent;
      offers[i] = o;
    }
    return offers;
  }
}
