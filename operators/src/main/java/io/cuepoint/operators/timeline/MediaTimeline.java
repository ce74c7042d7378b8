package io.cuepoint.operators.timeline;

import java.util.Arrays;

/**
 * All timeline state of one media in one keyed value, so a record or a timer costs one state
 * lookup however many panes it touches. Keyed state, so a Flink POJO. Panes are few (a window's
 * worth and the newest), so sorted arrays beat maps.
 */
public class MediaTimeline {
  /** {@link #nextWindowEnd} when no detection pane is held. */
  static final long NO_WINDOW = Long.MAX_VALUE;

  /** Detection panes by ascending index, none empty. */
  public DetectionPane[] detectionPanes = new DetectionPane[0];

  /** Match panes by ascending index, for the windows not yet emitted. */
  public MatchPane[] matchPanes = new MatchPane[0];

  /** The latest match state of the panes already dropped; null before the first is dropped. */
  public MatchPane matchBeforePanes;

  /** Newest event time from either input. */
  public long lastActivity;

  /** When the media's idle timer is set. */
  public long idleTimer;

  /**
   * End of the next window to emit, or {@link #NO_WINDOW}; the media's window timer is set at its
   * last millisecond.
   */
  public long nextWindowEnd = NO_WINDOW;

  public MediaTimeline() {}

  /** The detection pane of this index, added (empty) if there is none yet. */
  DetectionPane detectionPane(long index) {
    int at = detectionPanes.length;
    // Detections mostly arrive in event-time order: the pane is the newest or a new one after it.
    while (at > 0 && detectionPanes[at - 1].index >= index) {
      at--;
      if (detectionPanes[at].index == index) {
        return detectionPanes[at];
      }
    }
    DetectionPane pane = new DetectionPane();
    pane.index = index;
    detectionPanes =
        inserted(detectionPanes, at, pane, new DetectionPane[detectionPanes.length + 1]);
    return pane;
  }

  /** The match pane of this index, or null. */
  MatchPane matchPane(long index) {
    for (int i = matchPanes.length - 1; i >= 0 && matchPanes[i].index >= index; i--) {
      if (matchPanes[i].index == index) {
        return matchPanes[i];
      }
    }
    return null;
  }

  void addMatchPane(MatchPane pane) {
    int at = matchPanes.length;
    while (at > 0 && matchPanes[at - 1].index > pane.index) {
      at--;
    }
    matchPanes = inserted(matchPanes, at, pane, new MatchPane[matchPanes.length + 1]);
  }

  /** Folds the match panes before this index into {@link #matchBeforePanes}. */
  void dropMatchPanesBefore(long firstNeeded) {
    int dropped = 0;
    while (dropped < matchPanes.length && matchPanes[dropped].index < firstNeeded) {
      if (matchBeforePanes == null) {
        matchBeforePanes = new MatchPane();
      }
      matchBeforePanes.keepLatest(
          matchPanes[dropped].latestEventTime, matchPanes[dropped].latestSnapshot);
      dropped++;
    }
    if (dropped > 0) {
      matchPanes = Arrays.copyOfRange(matchPanes, dropped, matchPanes.length);
    }
  }

  private static <T> T[] inserted(T[] panes, int at, T pane, T[] out) {
    System.arraycopy(panes, 0, out, 0, at);
    out[at] = pane;
    System.arraycopy(panes, at, out, at + 1, panes.length - at);
    return out;
  }
}
