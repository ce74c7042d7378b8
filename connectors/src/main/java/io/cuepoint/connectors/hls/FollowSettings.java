package io.cuepoint.connectors.hls;

import java.io.Serializable;

/** What {@link HlsPlaylistFollower} follows and for which media. */
public class FollowSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A media playlist, or a master playlist whose variant is chosen (see {@link MasterPlaylist}). */
  public String playlistUrl;
  public String mediaId;
  /** IVS channel carrying the media, or null. */
  public String channelArn;
  /** Tallest variant picture (lines) chosen from a master playlist, when a shorter one exists. */
  public int maxVariantHeight = 1080;
  /** A playlist that keeps failing with retryable errors for this long stops the follower. */
  public long giveUpAfterMs = 60_000;

  public FollowSettings() {}
}
