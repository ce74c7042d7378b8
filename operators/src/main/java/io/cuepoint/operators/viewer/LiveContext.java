package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.MatchSnapshot;

/** What is going on in one media now: the match and what is on screen. */
public class LiveContext {
  /** Null until the media has match events. */
  public MatchSnapshot match;
  /** Product ids on screen in the latest timeline window, sorted. */
  public String[] products = new String[0];
  public String[] labels = new String[0];
  /** Event time of the latest update, for the idle cleanup. */
  public Long updatedAt;

  public LiveContext() {}
}
