package io.cuepoint.operators.viewer;

/** What one viewer did with one widget: when they saw it (last hour) and last dismissed it. */
public class WidgetHistory {
  public String widgetId;
  /** Event times of the views reported in the trailing hour, oldest first. */
  public long[] viewedAt = new long[0];
  /** Null until the viewer dismisses the widget. */
  public Long dismissedAt;

  public WidgetHistory() {}

  WidgetHistory(String widgetId) {
    this.widgetId = widgetId;
  }
}
