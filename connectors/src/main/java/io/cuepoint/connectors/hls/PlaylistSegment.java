package io.cuepoint.connectors.hls;

/** One media segment as a media playlist lists it. */
public final class PlaylistSegment {
  /** Media sequence number. */
  public final long sequence;
  /** From {@code #EXTINF}, rounded to the millisecond. */
  public final long durationMs;
  /** Absolute, resolved against the playlist's URL. */
  public final String url;
  /**
   * Wall-clock time of the segment's first sample (epoch ms): its own {@code
   * #EXT-X-PROGRAM-DATE-TIME}, or an earlier segment's plus the durations between; null when the
   * playlist has none before it.
   */
  public final Long programDateTimeMs;
  /** Preceded by {@code #EXT-X-DISCONTINUITY}. */
  public final boolean discontinuity;

  public PlaylistSegment(long sequence, long durationMs, String url, Long programDateTimeMs, boolean discontinuity) {
    this.sequence = sequence;
    this.durationMs = durationMs;
    this.url = url;
    this.programDateTimeMs = programDateTimeMs;
    this.discontinuity = discontinuity;
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + durationMs + "ms " + url;
  }
}
