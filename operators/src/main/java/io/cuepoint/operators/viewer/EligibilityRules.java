package io.cuepoint.operators.viewer;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The business rules applied before ranking: only widgets a viewer may be offered now are ranked.
 * A widget with a minimum age goes only to viewers with an age on record of at least that (no age
 * on record: never); a widget limited to countries only to viewers from one of them; a widget the
 * viewer saw as often as its hourly cap allows in the trailing hour, or dismissed less than its
 * cooldown ago, not at all.
 */
public final class EligibilityRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The trailing window of frequency caps. */
  static final long CAP_WINDOW_MS = 3_600_000L;

  private static final String[] NONE = new String[0];

  /** In catalog order. */
  private final WidgetRule[] widgets;

  public EligibilityRules(WidgetCatalog catalog) {
    this.widgets = catalog.widgets().toArray(new WidgetRule[0]);
  }

  /** Widget ids the viewer may be offered at {@code time}, in catalog order. */
  public String[] eligible(ViewerState viewer, long time) {
    if (widgets.length == 0) {
      return NONE;
    }
    int age = viewer.age == null ? -1 : viewer.age;
    String[] out = new String[widgets.length];
    int n = 0;
    for (WidgetRule w : widgets) {
      if (w.minAge > 0 && age < w.minAge) {
        continue;
      }
      if (!w.allowedIn(viewer.country)) {
        continue;
      }
      WidgetHistory h = viewer.history(w.id);
      if (h != null && cappedOrCoolingDown(w, h, time)) {
        continue;
      }
      out[n++] = w.id;
    }
    return n == 0 ? NONE : n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean cappedOrCoolingDown(WidgetRule w, WidgetHistory h, long time) {
    if (h.dismissedAt != null && time < h.dismissedAt + w.dismissCooldownMs) {
      return true;
    }
    if (w.frequencyCapPerHour > 0) {
      int views = 0;
      for (long t : h.viewedAt) {
        if (t > time - CAP_WINDOW_MS && t <= time) {
          views++;
        }
      }
      return views >= w.frequencyCapPerHour;
    }
    return false;
  }
}
