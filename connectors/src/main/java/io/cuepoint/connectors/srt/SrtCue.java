package io.cuepoint.connectors.srt;

/** One subtitle cue: when it shows (milliseconds from the video's start) and its text. */
public final class SrtCue {
  public final int index;
  public final long startMs;
  public final long endMs;
  /** The cue's lines joined with a newline. */
  public final String text;

  SrtCue(int index, long startMs, long endMs, String text) {
    this.index = index;
    this.startMs = startMs;
    this.endMs = endMs;
    this.text = text;
  }
}
