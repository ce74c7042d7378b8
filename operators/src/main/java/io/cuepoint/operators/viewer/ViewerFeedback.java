package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;

/**
 * A viewer's interaction with a widget or product, with the live context it happened in: what a
 * Personalize event tracker learns from.
 */
public class ViewerFeedback {
  public String viewerId;
  public String mediaId;
  public String sessionId;
  public String itemId;
  /** As the interactions file writes it: View, Click, Purchase, Dismiss. */
  public String eventType;
  public Long eventTime;
  public StringMap context;

  public ViewerFeedback() {}
}
