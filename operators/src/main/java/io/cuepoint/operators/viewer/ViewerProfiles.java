package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;

/**
 * Reads the profile a viewer's app sends on JOIN ({@code age}, {@code ageBand}, {@code country},
 * {@code favouriteTeam}, ...). Anything unreadable counts as not on record.
 */
final class ViewerProfiles {
  static final int MAX_AGE = 130;
  /** The {@link #segment} of a viewer with nothing on record. */
  static final String NO_PROFILE_SEGMENT = segment(new StringMap());

  private ViewerProfiles() {}

  /**
   * The viewer's age: {@code age}, else the lower bound of {@code ageBand} ("25-34", "55+"), else
   * null. Never a guess upwards: a band's lowest age is the only safe one for age rules.
   */
  static Integer age(StringMap profile) {
    Integer age = wholeNumber(profile.get("age"));
    if (age != null) {
      return age;
    }
    String band = profile.get("ageBand");
    if (band == null) {
      return null;
    }
    int cut = 0;
    while (cut < band.length() && Character.isDigit(band.charAt(cut))) {
      cut++;
    }
    String rest = band.substring(cut).trim();
    if (cut == 0 || !(rest.isEmpty() || rest.equals("+") || rest.startsWith("-"))) {
      return null;
    }
    return wholeNumber(band.substring(0, cut));
  }

  /** True when {@code age} is present but not a readable age. */
  static boolean unreadableAge(StringMap profile) {
    String text = profile.get("age");
    return text != null && wholeNumber(text) == null;
  }

  static String country(StringMap profile) {
    String c = profile.get("country");
    return c == null || c.isBlank() ? null : c.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /** HOME, AWAY or null. */
  static String favouriteTeam(StringMap profile) {
    String team = profile.get("favouriteTeam");
    return "HOME".equals(team) || "AWAY".equals(team) ? team : null;
  }

  /**
   * The coarse group a viewer belongs to for sharing a cached ranking: age band and favourite
   * team. (What the viewer may be offered is part of the cache key separately.)
   */
  static String segment(StringMap profile) {
    String band = profile.get("ageBand");
    Integer age = age(profile);
    String ageGroup = band != null && age != null ? band : age != null ? "AGE_" + age : "AGE_UNKNOWN";
    String team = favouriteTeam(profile);
    return ageGroup + "|" + (team == null ? "NONE" : team);
  }

  private static Integer wholeNumber(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.isEmpty() || t.length() > 3 || !t.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int value = Integer.parseInt(t);
    return value <= MAX_AGE ? value : null;
  }
}
