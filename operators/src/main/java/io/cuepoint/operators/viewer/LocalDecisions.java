package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides with the local ranker alone: the embedded default, and the fallback of Personalize.
 *
 * <p>Most viewers are not in the ranker's history, and their scores are those of no user (see
 * {@link LocalRanker#knows}): their rankings depend only on the context and the items, so the
 * viewers of one occasion share them. Used from the task thread and from the threads completing
 * Personalize calls (a fallback), so what is shared is immutable.
 */
public final class LocalDecisions implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String[] NO_ITEMS = new String[0];

  private final LocalRanker ranker;
  private transient volatile Shared shared;

  public LocalDecisions(LocalRanker ranker) {
    this.ranker = ranker;
  }

  public ViewerAction decide(DecisionRequest request) {
    return ViewerActions.of(request, widgets(request), offers(request), DecidedBy.LOCAL, false);
  }

  public RankedWidget[] widgets(DecisionRequest request) {
    String user = rankedAs(request.viewerId);
    if (user != null || request.context == null) {
      return rank(user, request.widgets, request.context).widgets();
    }
    ContextMemo<Ranking> memo = shared().widgets;
    Ranking r = memo.get(request.context, request.widgets, 0);
    if (r == null) {
      r = rank(null, request.widgets, request.context);
      memo.put(request.context, request.widgets, 0, r);
    }
    return r.widgets();
  }

  public Offer[] offers(DecisionRequest request) {
    if (request.offerCandidates.length == 0) {
      return new Offer[0];
    }
    double discount = request.discountPercent;
    String user = rankedAs(request.viewerId);
    if (user != null || request.context == null) {
      return OfferUplift.offers(chosen(user, request), discount);
    }
    ContextMemo<String[]> memo = shared().offers;
    String[] chosen = memo.get(request.context, request.offerCandidates, discount);
    if (chosen == null) {
      chosen = chosen(null, request);
      memo.put(request.context, request.offerCandidates, discount, chosen);
    }
    return OfferUplift.offers(chosen, discount);
  }

  /**
   * {@link #withDiscount}, worked out once for the requests of the same context and discount.
   * Never changed: shared by those requests.
   */
  public StringMap discounted(DecisionRequest request) {
    double discount = request.discountPercent;
    if (request.context == null) {
      return withDiscount(request);
    }
    ContextMemo<StringMap> memo = shared().discounted;
    StringMap c = memo.get(request.context, NO_ITEMS, discount);
    if (c == null) {
      c = withDiscount(request);
      memo.put(request.context, NO_ITEMS, discount, c);
    }
    return c;
  }

  /** The user to rank for: null for one the ranker does not know, whose scores are no user's. */
  private String rankedAs(String viewerId) {
    return ranker.knows(viewerId) ? viewerId : null;
  }

  private Ranking rank(String user, String[] items, StringMap context) {
    return Ranking.byScore(items, ranker.scores(user, items, context));
  }

  private String[] chosen(String user, DecisionRequest request) {
    String[] candidates = request.offerCandidates;
    double[] without = ranker.scores(user, candidates, request.context);
    double[] with = ranker.scores(user, candidates, discounted(request));
    return OfferUplift.chosen(candidates, with, without);
  }

  private Shared shared() {
    Shared s = shared;
    if (s == null) {
      // Two threads may each make one at first: either serves.
      s = new Shared();
      shared = s;
    }
    return s;
  }

  /** What the requests of an occasion share. */
  private static final class Shared {
    /** Widget rankings of unknown viewers. */
    final ContextMemo<Ranking> widgets = new ContextMemo<>();
    /** Products to discount for unknown viewers. */
    final ContextMemo<String[]> offers = new ContextMemo<>();
    final ContextMemo<StringMap> discounted = new ContextMemo<>();
  }

  /** The request's context with the discount on offer, as both rankers are asked. */
  public static StringMap withDiscount(DecisionRequest request) {
    // First, so the cut to Personalize's entry limit can never drop it.
    Map<String, String> c = new LinkedHashMap<>();
    c.put(ContextMapBuilder.DISCOUNT, discountText(request.discountPercent));
    for (int i = 0; i < request.context.keys.length; i++) {
      c.put(request.context.keys[i], request.context.values[i]);
    }
    return PersonalizeContext.sanitize(c);
  }

  static String discountText(double percent) {
    return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
  }
}
