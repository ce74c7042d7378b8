package io.cuepoint.schemas.records;

import java.util.Objects;

/** One HLS segment of a live stream ({@code segments} input). */
public class Segment {
  /** Media (stream) the segment belongs to. */
  public String mediaId;
  /** IVS channel carrying the media, when known. */
  public String channelArn;
  /** Where the segment can be fetched. */
  public String segmentUrl;
  /** Media sequence number from the playlist. */
  public Long sequence;
  /** Segment duration. */
  public Long durationMs;
  /** Stream position of the segment's first frame. */
  public Long positionMs;
  /** Epoch milliseconds (UTC). */
  public Long eventTime;

  public Segment() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Segment)) {
      return false;
    }
    Segment that = (Segment) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(channelArn, that.channelArn)
        && Objects.equals(segmentUrl, that.segmentUrl)
        && Objects.equals(sequence, that.sequence)
        && Objects.equals(durationMs, that.durationMs)
        && Objects.equals(positionMs, that.positionMs)
        && Objects.equals(eventTime, that.eventTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, channelArn, segmentUrl, sequence, durationMs, positionMs, eventTime);
  }

  @Override
  public String toString() {
    return "Segment{"
        + "mediaId=" + mediaId
        + ", channelArn=" + channelArn
        + ", segmentUrl=" + segmentUrl
        + ", sequence=" + sequence
        + ", durationMs=" + durationMs
        + ", positionMs=" + positionMs
        + ", eventTime=" + eventTime
        + "}";
  }
}
