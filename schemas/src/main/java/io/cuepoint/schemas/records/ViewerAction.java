package io.cuepoint.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/** What one viewer is offered at a moment ({@code viewer-actions} output). */
public class ViewerAction {
  /** Stable id: viewer, media and decision time. */
  public String id;
  public String viewerId;
  public String mediaId;
  public Long eventTime;
  public Long positionMs;
  public RankedWidget[] widgets;
  public Offer[] offers;
  /** The ranking context used. */
  public StringMap context;
  public DecidedBy decidedBy;
  /** What made the decision: the viewer joining, an event of interest, new products on screen. */
  public DecisionMoment moment;
  /** The ranking came from the short-lived cache of an earlier Personalize call for the segment. */
  public Boolean fromCache;

  public ViewerAction() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ViewerAction)) {
      return false;
    }
    ViewerAction that = (ViewerAction) o;
    return Objects.equals(id, that.id)
        && Objects.equals(viewerId, that.viewerId)
        && Objects.equals(mediaId, that.mediaId)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(positionMs, that.positionMs)
        && Arrays.equals(widgets, that.widgets)
        && Arrays.equals(offers, that.offers)
        && Objects.equals(context, that.context)
        && Objects.equals(decidedBy, that.decidedBy)
        && Objects.equals(moment, that.moment)
        && Objects.equals(fromCache, that.fromCache);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, viewerId, mediaId, eventTime, positionMs, Arrays.hashCode(widgets), Arrays.hashCode(offers), context, decidedBy, moment, fromCache);
  }

  @Override
  public String toString() {
    return "ViewerAction{"
        + "id=" + id
        + ", viewerId=" + viewerId
        + ", mediaId=" + mediaId
        + ", eventTime=" + eventTime
        + ", positionMs=" + positionMs
        + ", widgets=" + Arrays.toString(widgets)
        + ", offers=" + Arrays.toString(offers)
        + ", context=" + context
        + ", decidedBy=" + decidedBy
        + ", moment=" + moment
        + ", fromCache=" + fromCache
        + "}";
  }
}
