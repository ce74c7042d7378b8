package io.cuepoint.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/** What was seen in one frame of a media ({@code detections} input). */
public class Detection {
  public String mediaId;
  /** Stream position of the frame. */
  public Long positionMs;
  /** Epoch milliseconds (UTC). */
  public Long eventTime;
  /** Who detected it: rekognition, srt, an upstream system. */
  public String source;
  public DetectionItem[] items;

  public Detection() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Detection)) {
      return false;
    }
    Detection that = (Detection) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(positionMs, that.positionMs)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(source, that.source)
        && Arrays.equals(items, that.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, positionMs, eventTime, source, Arrays.hashCode(items));
  }

  @Override
  public String toString() {
    return "Detection{"
        + "mediaId=" + mediaId
        + ", positionMs=" + positionMs
        + ", eventTime=" + eventTime
        + ", source=" + source
        + ", items=" + Arrays.toString(items)
        + "}";
  }
}
