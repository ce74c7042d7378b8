package io.cuepoint.jobs.sample;

import io.cuepoint.schemas.records.StringMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A viewer's profile, a function of the seed and the viewer id alone: the same user has the same
 * profile in the recording's JOIN events and in the interactions history.
 */
final class Profile {
  static final String[] AGE_BANDS = {"13-17", "18-24", "25-34", "35-44", "45-54", "55+"};
  private static final int[] BAND_LOW = {13, 18, 25, 35, 45, 55};
  private static final int[] BAND_HIGH = {17, 24, 34, 44, 54, 79};
  /** Last weight: no age given. */
  private static final double[] BAND_WEIGHTS = {0.07, 0.19, 0.27, 0.22, 0.13, 0.07, 0.05};

  static final String[] COUNTRIES = {
    "GB", "US", "DE", "FR", "ES", "BR", "IT", "NL", "MX", "AR", "PT", "IE", "JP"
  };
  private static final double[] COUNTRY_WEIGHTS = {
    0.21, 0.13, 0.10, 0.09, 0.10, 0.09, 0.06, 0.05, 0.05, 0.04, 0.03, 0.03, 0.02
  };
  private static final String[] TEAMS = {"HOME", "AWAY", "NONE"};
  private static final double[] TEAM_WEIGHTS = {0.42, 0.33, 0.25};
  private static final String[] DEVICES = {"tv", "ios", "android", "web", "tablet"};
  private static final double[] DEVICE_WEIGHTS = {0.30, 0.25, 0.25, 0.14, 0.06};

  /** Null for the few viewers who gave no age. */
  final String ageBand;
  /** Null exactly when ageBand is. */
  final Integer age;
  final String country;
  final String favouriteTeam;
  final String device;

  private Profile(String ageBand, Integer age, String country, String favouriteTeam, String device) {
    this.ageBand = ageBand;
    this.age = age;
    this.country = country;
    this.favouriteTeam = favouriteTeam;
    this.device = device;
  }

  static Profile forUser(long seed, String userId) {
    Rng r = Rng.forKey(seed, "profile/" + userId);
    int band = r.weighted(BAND_WEIGHTS);
    String ageBand = null;
    Integer age = null;
    if (band < AGE_BANDS.length) {
      ageBand = AGE_BANDS[band];
      age = r.between(BAND_LOW[band], BAND_HIGH[band]);
    }
    String country = COUNTRIES[r.weighted(COUNTRY_WEIGHTS)];
    String team = TEAMS[r.weighted(TEAM_WEIGHTS)];
    String device = DEVICES[r.weighted(DEVICE_WEIGHTS)];
    return new Profile(ageBand, age, country, team, device);
  }

  boolean adult() {
    return age != null && age >= 18;
  }

  /** 25 to 44: the core betting audience. */
  boolean core() {
    return "25-34".equals(ageBand) || "35-44".equals(ageBand);
  }

  boolean young() {
    return "13-17".equals(ageBand) || "18-24".equals(ageBand);
  }

  boolean senior() {
    return "45-54".equals(ageBand) || "55+".equals(ageBand);
  }

  StringMap toStringMap() {
    List<String> kv = new ArrayList<>();
    if (ageBand != null) {
      kv.add("age");
      kv.add(Integer.toString(age));
      kv.add("ageBand");
      kv.add(ageBand);
    }
    kv.add("country");
    kv.add(country);
    kv.add("device");
    kv.add(device);
    kv.add("favouriteTeam");
    kv.add(favouriteTeam);
    return StringMap.of(kv.toArray(new String[0]));
  }
}
