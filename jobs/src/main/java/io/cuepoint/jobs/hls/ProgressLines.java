package io.cuepoint.jobs.hls;

import io.cuepoint.connectors.hls.FollowerListener;
import io.cuepoint.connectors.hls.MediaPlaylist;
import io.cuepoint.connectors.hls.Variant;
import java.io.PrintStream;

/** One line on standard error for each playlist load that found segments, a variant or a failure. */
final class ProgressLines implements FollowerListener {
  private final String command;
  private final PrintStream err;
  private long segments;

  ProgressLines(String command, PrintStream err) {
    this.command = command;
    this.err = err;
  }

  @Override
  public void variantChosen(Variant variant) {
    err.println(command + ": master playlist, following " + variant);
  }

  @Override
  public void loaded(MediaPlaylist playlist, int newSegments, long reloadIntervalMs) {
    if (newSegments == 0 && !playlist.endList) {
      return;
    }
    segments += newSegments;
    long last = playlist.lastSequence();
    err.println(
        command + ": +" + newSegments + " segments (up to #" + last + "), " + segments + " in all"
            + (playlist.endList ? "; the playlist has ended" : "; next load in " + reloadIntervalMs + " ms"));
  }

  @Override
  public void retrying(Throwable failure, long delayMs) {
    err.println(command + ": playlist load failed (" + failure.getMessage() + "); again in " + delayMs + " ms");
  }
}
