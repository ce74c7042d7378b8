package io.cuepoint.operators.viewer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

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

  private final WidgetCatalog catalog;

  public EligibilityRules(WidgetCatalog catalog) {
    this.catalog = catalog;
  }

  /** Widget ids the viewer may be offered at {@code time}, in catalog order. */
  public String[] eligible(ViewerState viewer, long time) {
    Integer age = ViewerProfiles.age(viewer.profile);
    String country = ViewerProfiles.country(viewer.profile);
    List<String> out = new ArrayList<>();
    for (WidgetRule w : catalog.widgets()) {
      if (w.minAge > 0 && (age == null || age < w.minAge)) {
        continue;
      }
      if (!w.allowedIn(country)) {
        continue;
      }
      WidgetHistory h = viewer.history(w.id);
      if (h != null && cappedOrCoolingDown(w, h, time)) {
        continue;
      }
      out.add(w.id);
    }
    return out.toArray(new String[0]);
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
