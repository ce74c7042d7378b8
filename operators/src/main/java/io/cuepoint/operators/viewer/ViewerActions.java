package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.ViewerAction;

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
  public static RankedWidget[] ranked(String[] asked, Ranking returned) {
    String[] order = new String[returned.size() + asked.length];
    int n = 0;
    for (int i = 0; i < returned.size(); i++) {
      if (Ranking.contains(asked, asked.length, returned.id(i))) {
        order[n++] = returned.id(i);
      }
    }
    for (String id : asked) {
      if (!Ranking.contains(order, n, id)) {
        order[n++] = id;
      }
    }
    RankedWidget[] out = new RankedWidget[n];
    for (int i = 0; i < n; i++) {
      out[i] = Ranking.widget(order[i], i + 1, returned.scoreOf(order[i], 0.0));
    }
    return out;
  }
}
