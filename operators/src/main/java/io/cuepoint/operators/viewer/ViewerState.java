package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;
import java.util.Arrays;

/** One viewer watching one media, as the viewer-context operator keeps them. */
public class ViewerState {
  public String viewerId;
  // What decisions need from the profile of the JOIN, read once (none when first seen without one).
  /** See {@link ViewerProfiles#age}. */
  public Integer age;
  /** See {@link ViewerProfiles#country}. */
  public String country;
  /** See {@link ViewerProfiles#favouriteTeam}. */
  public String favouriteTeam;
  /** See {@link ViewerProfiles#segment}. */
  public String segment = ViewerProfiles.NO_PROFILE_SEGMENT;
  /** Personalize session: the viewer and the event time they were first seen. */
  public String sessionId;
  public Long lastSeenAt;
  /** The viewer's stream position at {@link #lastSeenAt}. */
  public Long positionMs;
  /** Null before the first decision. */
  public Long lastDecisionAt;
  public WidgetHistory[] widgets = new WidgetHistory[0];

  public ViewerState() {}

  /** Keeps what decisions need from the profile the viewer's app sent on JOIN. */
  void readProfile(StringMap profile) {
    age = ViewerProfiles.age(profile);
    country = ViewerProfiles.country(profile);
    favouriteTeam = ViewerProfiles.favouriteTeam(profile);
    segment = ViewerProfiles.segment(profile);
  }

  /** Position now, assuming the viewer kept playing since their last event. */
  long positionAt(long time) {
    long position = positionMs == null ? 0 : positionMs;
    return Math.max(0, position + Math.max(0, time - (lastSeenAt == null ? time : lastSeenAt)));
  }

  WidgetHistory history(String widgetId) {
    for (WidgetHistory h : widgets) {
      if (h.widgetId.equals(widgetId)) {
        return h;
      }
    }
    return null;
  }

  WidgetHistory historyOrNew(String widgetId) {
    WidgetHistory h = history(widgetId);
    if (h == null) {
      h = new WidgetHistory(widgetId);
      widgets = Arrays.copyOf(widgets, widgets.length + 1);
      widgets[widgets.length - 1] = h;
    }
    return h;
  }

  /** Records a reported view, forgetting views older than the hour the caps count. */
  void viewed(String widgetId, long time) {
    WidgetHistory h = historyOrNew(widgetId);
    long[] recent = Arrays.stream(h.viewedAt).filter(t -> t > time - EligibilityRules.CAP_WINDOW_MS).toArray();
    h.viewedAt = Arrays.copyOf(recent, recent.length + 1);
    h.viewedAt[recent.length] = time;
  }

  void dismissed(String widgetId, long time) {
    WidgetHistory h = historyOrNew(widgetId);
    h.dismissedAt = h.dismissedAt == null ? time : Math.max(h.dismissedAt, time);
  }
}
