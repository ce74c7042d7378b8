package io.cuepoint.connectors.hls;

/** Hears what a follower does, for progress and tests; called on the follower's threads. */
public interface FollowerListener {
  FollowerListener NONE = new FollowerListener() {};

  default void variantChosen(Variant variant) {}

  /**
   * A media playlist was loaded.
   *
   * @param newSegments segments it emitted
   * @param reloadIntervalMs the interval the next load keeps from this one's start (target
   *     duration after a change, half of it otherwise); -1 at the end of the playlist
   */
  default void loaded(MediaPlaylist playlist, int newSegments, long reloadIntervalMs) {}

  default void retrying(Throwable failure, long delayMs) {}
}
