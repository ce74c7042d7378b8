package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a decision request and its rankings into the viewer action written out. */
public final class ViewerActions {
  private ViewerActions() {}

  public static ViewerAction of(
      DecisionRequest request,
      RankedWidget[] widgets,
      Offer[] offers,
      DecidedBy decidedBy,
      boolean fromCache) {
    ViewerAction a = new ViewerAction();
    a.id = request.id;
    a.viewerId = request.viewerId;
    a.mediaId = request.mediaId;
    a.eventTime = request.eventTime;
    a.positionMs = request.positionMs;
    a.widgets = widgets;
    a.offers = offers;
    a.context = request.context;
    a.decidedBy = decidedBy;
    a.moment = request.moment;
    a.fromCache = fromCache;
    return a;
  }

  /**
   * Widgets in the order a ranker returned them (rank 1 first), keeping only those asked for;
   * any asked for and not returned follow, in the order asked.
   */
  public static RankedWidget[] ranked(String[] asked, LinkedHashMap<String, Double> returned) {
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

  /** Scores of items from the local ranker, best first (ties by id). */
  static LinkedHashMap<String, Double> localRanking(
      LocalRanker ranker, String userId, String[] items, StringMap context) {
    double[] scores = ranker.scores(userId, items, context);
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
}
