package io.cuepoint.schemas.records;

import java.util.Objects;

/** An overlay decision and the outcome of sending it ({@code overlays} output). */
public class Overlay {
  public String overlayId;
  public String channelArn;
  public String mediaId;
  public OverlayAction action;
  /** Optional. */
  public String productId;
  /** The exact metadata sent. */
  public String payload;
  public Long eventTime;
  public OverlayStatus status;
  /** PutMetadata calls made for this decision (0 when nothing was sent). */
  public Integer attempts;
  /** Optional: why the decision was not sent (the last error, or what replaced it). */
  public String error;

  public Overlay() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Overlay)) {
      return false;
    }
    Overlay that = (Overlay) o;
    return Objects.equals(overlayId, that.overlayId)
        && Objects.equals(channelArn, that.channelArn)
        && Objects.equals(mediaId, that.mediaId)
        && Objects.equals(action, that.action)
        && Objects.equals(productId, that.productId)
        && Objects.equals(payload, that.payload)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(status, that.status)
        && Objects.equals(attempts, that.attempts)
        && Objects.equals(error, that.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        overlayId, channelArn, mediaId, action, productId, payload, eventTime, status, attempts, error);
  }

  @Override
  public String toString() {
    return "Overlay{"
        + "overlayId=" + overlayId
        + ", channelArn=" + channelArn
        + ", mediaId=" + mediaId
        + ", action=" + action
        + ", productId=" + productId
        + ", payload=" + payload
        + ", eventTime=" + eventTime
        + ", status=" + status
        + ", attempts=" + attempts
        + ", error=" + error
        + "}";
  }
}
