package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;

/**
 * A change of a media's live context: either the match moved on (with the events of interest it
 * raised) or a timeline window told what is on screen. One stream of both keeps the viewer-context
 * operator at two inputs.
 */
public class LiveUpdate {
  public String mediaId;
  public Long eventTime;
  /** Set when the update comes from the match. */
  public MatchSnapshot match;
  public EventOfInterest[] eventsOfInterest = new EventOfInterest[0];
  /** Set (possibly empty) when the update comes from a timeline window: product ids, sorted. */
  public String[] products;
  /** The window's most seen labels, best first. */
  public String[] labels = new String[0];

  public LiveUpdate() {}

  boolean fromScreen() {
    return products != null;
  }
}
