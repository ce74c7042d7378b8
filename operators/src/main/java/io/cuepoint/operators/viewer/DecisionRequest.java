package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.StringMap;

/** A decision to make for one viewer: what may be ranked, and the context to rank it in. */
public class DecisionRequest {
  /** Becomes the viewer action's id: media, viewer, time, moment (and event of interest). */
  public String id;
  public String viewerId;
  public String mediaId;
  public Long eventTime;
  public Long positionMs;
  public DecisionMoment moment;
  /** Shares cached rankings between viewers alike: see {@link ViewerProfiles#segment}. */
  public String segment;
  /** Personalize context, already sanitized. */
  public StringMap context;
  /** Widgets the business rules allow, in catalog order. */
  public String[] widgets = new String[0];
  /** Products related to those on screen, ranked for discounts. */
  public String[] offerCandidates = new String[0];
  public Double discountPercent;

  public DecisionRequest() {}

  /** Everything a ranking depends on apart from the viewer's own id. */
  public String cacheKey() {
    return segment
        + "\u0001"
        + String.join(",", widgets)
        + "\u0001"
        + String.join(",", offerCandidates)
        + "\u0001"
        + discountPercent
        + "\u0001"
        + context;
  }
}
