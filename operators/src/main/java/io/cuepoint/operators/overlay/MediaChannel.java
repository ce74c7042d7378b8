package io.cuepoint.operators.overlay;

/** The IVS channel a media is on, as its segments say. */
public class MediaChannel {
  public String channelArn;
  /** Event time of the newest segment that named {@link #channelArn}. */
  public Long channelSince;
  /** Event time of the earliest segment with a channel: frames before it have none. */
  public Long knownSince;
  /** Newest event time of a frame or segment, for idle cleanup. */
  public Long lastActivity;

  public MediaChannel() {}
}
