package io.cuepoint.operators.viewer;

import java.io.Serializable;
import java.util.Arrays;

/** One widget of the catalog and the rules that decide who may be offered it. */
public final class WidgetRule implements Serializable {
  private static final long serialVersionUID = 1L;

  final String id;
  final String type;
  /** 0: anyone. Above 0: only viewers with an age on record of at least this. */
  final int minAge;
  /** Country codes the widget may be offered in; empty: everywhere. Sorted. */
  final String[] countries;
  /** Views (impressions the viewer's app reports) allowed in any trailing hour; 0: no cap. */
  final int frequencyCapPerHour;
  /** After a dismiss, the widget is not offered to that viewer for this long. */
  final long dismissCooldownMs;

  WidgetRule(
      String id,
      String type,
      int minAge,
      String[] countries,
      int frequencyCapPerHour,
      long dismissCooldownMs) {
    this.id = id;
    this.type = type;
    this.minAge = minAge;
    this.countries = countries.clone();
    Arrays.sort(this.countries);
    this.frequencyCapPerHour = frequencyCapPerHour;
    this.dismissCooldownMs = dismissCooldownMs;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  boolean allowedIn(String country) {
    return countries.length == 0
        || (country != null && Arrays.binarySearch(countries, country) >= 0);
  }
}
