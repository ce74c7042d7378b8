package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonalizeContextTest {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,150}");

  @Test
  void keysAreCleanedAndCutAndCollisionsKeepTheFirst() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("match phase", "FIRST_HALF");
    raw.put("match-phase", "SECOND_HALF");
    raw.put("Ünïcode key", "x");
    raw.put("k".repeat(200), "long");
    raw.put("", "no key");
    raw.put("EMPTY", "   ");
    raw.put("NULL", null);
    StringMap m = PersonalizeContext.sanitize(raw);

    assertThat(m.toMap())
        .containsOnly(
            Map.entry("match_phase", "FIRST_HALF"),
            Map.entry("_n_code_key", "x"),
            Map.entry("k".repeat(150), "long"));
  }

  @Test
  void sanitizingIsTheStraightforwardCleaningSortedOverRandomMaps() {
    Random random = new Random(1);
    String[] keyParts = {"a", "B", "_", "-", " ", "é", "k".repeat(149), "9"};
    String[] valueParts = {"", " ", "x", "Y z", "\uD83D\uDE00"};
    for (int q = 0; q < 500; q++) {
      Map<String, String> raw = new LinkedHashMap<>();
      int entries = random.nextInt(10) == 0 ? 140 + random.nextInt(40) : random.nextInt(12);
      for (int i = 0; i < entries; i++) {
        StringBuilder key = new StringBuilder();
        for (int p = random.nextInt(4); p >= 0; p--) {
          key.append(keyParts[random.nextInt(keyParts.length)]);
        }
        if (entries > 100) {
          key.append(i % 170);
        }
        raw.put(key.toString(), random.nextInt(20) == 0 ? null : valueParts[random.nextInt(valueParts.length)] + i);
      }
      StringMap m = PersonalizeContext.sanitize(raw);
      StringMap expected = reference(raw);
      assertThat(m.keys).containsExactly(expected.keys);
      assertThat(m.values).containsExactly(expected.values);
    }
  }

  /** Cleaned in the order given, first of a colliding key kept, cut, then sorted by key. */
  private static StringMap reference(Map<String, String> entries) {
    Map<String, String> clean = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (clean.size() == PersonalizeContext.MAX_ENTRIES) {
        break;
      }
      StringBuilder key = new StringBuilder();
      String raw = e.getKey();
      for (int i = 0; i < raw.length() && key.length() < PersonalizeContext.MAX_KEY_CHARS; i++) {
        char c = raw.charAt(i);
        key.append(KEY.matcher(String.valueOf(c)).matches() ? c : '_');
      }
      String value = PersonalizeContext.value(e.getValue());
      if (key.length() == 0 || value.isEmpty() || clean.containsKey(key.toString())) {
        continue;
      }
      clean.put(key.toString(), value);
    }
    return StringMap.of(new TreeMap<>(clean));
  }

  @Test
  void valuesAreCutTo1000CharactersWithoutSplittingACharacter() {
    String emoji = "\uD83D\uDE00";
    String value = "a".repeat(999) + emoji + "tail";
    StringMap m = PersonalizeContext.sanitize(Map.of("K", value, "SHORT", "  ok  "));
    assertThat(m.get("K")).hasSize(999).isEqualTo("a".repeat(999));
    assertThat(m.get("SHORT")).isEqualTo("ok");
    assertThat(PersonalizeContext.sanitize(Map.of("K", "b".repeat(5000))).get("K")).hasSize(1000);
  }

  @Test
  void atMost150EntriesAndTheFirstGivenSurvive() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("FIRST", "kept");
    for (int i = 0; i < 300; i++) {
      raw.put("K" + i, "v" + i);
    }
    StringMap m = PersonalizeContext.sanitize(raw);
    assertThat(m.size()).isEqualTo(150);
    assertThat(m.get("FIRST")).isEqualTo("kept");
    assertThat(m.get("K148")).isEqualTo("v148");
    assertThat(m.get("K149")).isNull();
  }

  @Test
  void theBuiltContextIsAlwaysAcceptable() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("VENUE NAME", "Lakeside Arena");
    for (int i = 0; i < 200; i++) {
      attributes.put("EXTRA-" + i, "x".repeat(2000));
    }
    ContextMapBuilder builder = new ContextMapBuilder(Map.of("m", attributes));
    LiveContext live = new LiveContext();
    live.match = new MatchSnapshot();
    live.match.home = 3;
    live.match.away = 1;
    live.match.phase = MatchPhase.SECOND_HALF;
    String[] many = new String[300];
    for (int i = 0; i < many.length; i++) {
      many[i] = "prod-" + i;
    }
    live.products = many;
    live.labels = new String[] {"Soccer", "Crowd"};
    ViewerState viewer = new ViewerState();
    viewer.readProfile(StringMap.of("favouriteTeam", "AWAY"));
    EventOfInterest trigger = new EventOfInterest();
    trigger.type = EventOfInterestType.GOAL_FLURRY;

    StringMap c = builder.build("m", live, viewer, trigger);

    assertThat(c.size()).isLessThanOrEqualTo(150);
    for (int i = 0; i < c.size(); i++) {
      assertThat(c.keys[i]).matches(KEY);
      assertThat(c.values[i].length()).isBetween(1, 1000);
    }
    assertThat(c.toMap())
        .containsEntry("SCORE_DIFF", "TWO_PLUS")
        .containsEntry("FAVOURITE_TEAM", "TRAILING")
        .containsEntry("LAST_EVENT", "NONE")
        .containsEntry("EVENT_OF_INTEREST", "GOAL_FLURRY")
        .containsEntry("VENUE_NAME", "Lakeside Arena");
    assertThat(c.get("ON_SCREEN_PRODUCTS")).startsWith("prod-0,prod-1,").hasSize(1000);
  }

  @Test
  void withoutAMatchOnlyTheScreenAndTheMediaDescribeTheMoment() {
    ContextMapBuilder builder = new ContextMapBuilder(Map.of());
    ViewerState viewer = new ViewerState();
    assertThat(builder.build("show", null, viewer, null).toMap())
        .containsOnly(Map.entry("EVENT_OF_INTEREST", "NONE"));
  }
}
