package io.cuepoint.schemas.records;

import java.util.Objects;

/** What one viewer did ({@code viewer-events} input). */
public class ViewerEvent {
  public String viewerId;
  public String mediaId;
  public ViewerEventType type;
  /** Epoch milliseconds (UTC). */
  public Long eventTime;
  /** Viewer's position in the stream. */
  public Long positionMs;
  /** Optional: age band, country, favourite team, ... */
  public StringMap profile;
  /** Optional: widget or product the interaction is about. */
  public String itemId;
  /** Required for INTERACTION events. */
  public Interaction interaction;

  public ViewerEvent() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ViewerEvent)) {
      return false;
    }
    ViewerEvent that = (ViewerEvent) o;
    return Objects.equals(viewerId, that.viewerId)
        && Objects.equals(mediaId, that.mediaId)
        && Objects.equals(type, that.type)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(positionMs, that.positionMs)
        && Objects.equals(profile, that.profile)
        && Objects.equals(itemId, that.itemId)
        && Objects.equals(interaction, that.interaction);
  }

  @Override
  public int hashCode() {
    return Objects.hash(viewerId, mediaId, type, eventTime, positionMs, profile, itemId, interaction);
  }

  @Override
  public String toString() {
    return "ViewerEvent{"
        + "viewerId=" + viewerId
        + ", mediaId=" + mediaId
        + ", type=" + type
        + ", eventTime=" + eventTime
        + ", positionMs=" + positionMs
        + ", profile=" + profile
        + ", itemId=" + itemId
        + ", interaction=" + interaction
        + "}";
  }
}
