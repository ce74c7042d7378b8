package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decides with the local ranker alone: the embedded default, and the fallback of Personalize. */
public final class LocalDecisions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LocalRanker ranker;

  public LocalDecisions(LocalRanker ranker) {
    this.ranker = ranker;
  }

  public ViewerAction decide(DecisionRequest request) {
    return ViewerActions.of(request, widgets(request), offers(request), DecidedBy.LOCAL, false);
  }

  public RankedWidget[] widgets(DecisionRequest request) {
    return ViewerActions.ranked(
        request.widgets,
        ViewerActions.localRanking(ranker, request.viewerId, request.widgets, request.context));
  }

  public Offer[] offers(DecisionRequest request) {
    if (request.offerCandidates.length == 0) {
      return new Offer[0];
    }
    Map<String, Double> without =
        ViewerActions.localRanking(ranker, request.viewerId, request.offerCandidates, request.context);
    Map<String, Double> with =
        ViewerActions.localRanking(
            ranker, request.viewerId, request.offerCandidates, withDiscount(request));
    return OfferUplift.choose(request.offerCandidates, with, without, request.discountPercent);
  }

  /** The request's context with the discount on offer, as both rankers are asked. */
  public static StringMap withDiscount(DecisionRequest request) {
    // First, so the cut to Personalize's entry limit can never drop it.
    Map<String, String> c = new LinkedHashMap<>();
    c.put(ContextMapBuilder.DISCOUNT, discountText(request.discountPercent));
    c.putAll(request.context.toMap());
    return PersonalizeContext.sanitize(c);
  }

  static String discountText(double percent) {
    return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
  }
}
