package io.cuepoint.connectors.hls;

import java.util.concurrent.atomic.AtomicLong;

/** What a follower has done so far; read from any thread. */
public final class FollowerStats {
  /** Media playlist loads that were read (a master playlist's load is not counted). */
  public final AtomicLong playlistLoads = new AtomicLong();
  /** Loads whose last segment and end were as in the load before. */
  public final AtomicLong unchangedLoads = new AtomicLong();
  public final AtomicLong segmentsEmitted = new AtomicLong();
  /** Segments that left the live window before a load saw them (reloads too slow). */
  public final AtomicLong segmentsMissed = new AtomicLong();
  /** Loads that failed with a retryable error and were tried again. */
  public final AtomicLong retriedFailures = new AtomicLong();

  @Override
  public String toString() {
    return segmentsEmitted + " segments from " + playlistLoads + " playlist loads (" + unchangedLoads
        + " unchanged, " + retriedFailures + " retried failures, " + segmentsMissed + " segments missed)";
  }
}
