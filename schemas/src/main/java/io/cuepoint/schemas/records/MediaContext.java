package io.cuepoint.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/** What is on screen around a stream position, and the match state ({@code media-context} output). */
public class MediaContext {
  /** Stable id: media id and window end. */
  public String id;
  public String mediaId;
  /** Stream position at the window's end. */
  public Long positionMs;
  /** Stream position at the window's start. */
  public Long windowStartMs;
  /** Stream position at the window's end. */
  public Long windowEndMs;
  /** Event time of the window's end (exclusive), epoch milliseconds. */
  public Long eventTime;
  public ContextItem[] labels;
  public ContextItem[] celebrities;
  public ContextItem[] products;
  /** Null until the media has match events. */
  public MatchSnapshot match;
  /** Raised in the window. */
  public EventOfInterest[] eventsOfInterest;

  public MediaContext() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MediaContext)) {
      return false;
    }
    MediaContext that = (MediaContext) o;
    return Objects.equals(id, that.id)
        && Objects.equals(mediaId, that.mediaId)
        && Objects.equals(positionMs, that.positionMs)
        && Objects.equals(windowStartMs, that.windowStartMs)
        && Objects.equals(windowEndMs, that.windowEndMs)
        && Objects.equals(eventTime, that.eventTime)
        && Arrays.equals(labels, that.labels)
        && Arrays.equals(celebrities, that.celebrities)
        && Arrays.equals(products, that.products)
        && Objects.equals(match, that.match)
        && Arrays.equals(eventsOfInterest, that.eventsOfInterest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, mediaId, positionMs, windowStartMs, windowEndMs, eventTime, Arrays.hashCode(labels), Arrays.hashCode(celebrities), Arrays.hashCode(products), match, Arrays.hashCode(eventsOfInterest));
  }

  @Override
  public String toString() {
    return "MediaContext{"
        + "id=" + id
        + ", mediaId=" + mediaId
        + ", positionMs=" + positionMs
        + ", windowStartMs=" + windowStartMs
        + ", windowEndMs=" + windowEndMs
        + ", eventTime=" + eventTime
        + ", labels=" + Arrays.toString(labels)
        + ", celebrities=" + Arrays.toString(celebrities)
        + ", products=" + Arrays.toString(products)
        + ", match=" + match
        + ", eventsOfInterest=" + Arrays.toString(eventsOfInterest)
        + "}";
  }
}
