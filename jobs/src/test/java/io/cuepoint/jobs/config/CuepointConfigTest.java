package io.cuepoint.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CuepointConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheDocumentedOnes() {
    CuepointConfig c = CuepointConfig.defaults();
    assertThat(c.get(Settings.TIMELINE_WINDOW_SIZE)).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.timeline().windowSlideMs).isEqualTo(5_000);
    assertThat(c.timeline().minConfidence).isEqualTo(50.0);
    assertThat(c.eventsOfInterest().goalFlurryGoals).isEqualTo(3);
    assertThat(c.eventsOfInterest().goalFlurryWindowMs).isEqualTo(600_000);
  }

  @Test
  void propertyGroupsFileThenOverrides() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "[{\"PropertyGroupId\":\"Timeline\",\"PropertyMap\":"
        + "{\"window-size\":\"30s\",\"min-confidence\":70}},"
        + "{\"PropertyGroupId\":\"Job\",\"PropertyMap\":{\"parallelism\":\"1\"}}]");
    Map<String, Properties> groups = PropertyGroups.read(file);
    CuepointConfig c = CuepointConfig.of(groups, Map.of("Timeline.min-confidence", "75"));
    assertThat(c.get(Settings.TIMELINE_WINDOW_SIZE)).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.get(Settings.TIMELINE_MIN_CONFIDENCE)).isEqualTo(75.0);
    assertThat(c.get(Settings.PARALLELISM)).isEqualTo(1);
  }

  @Test
  void badValuesAreOneLineNamingTheProperty() {
    assertThatThrownBy(() -> CuepointConfig.of(Collections.emptyMap(), Map.of("Timeline.min-confidence", "120")))
        .hasMessage("Timeline.min-confidence: 120 is outside 0.0..100.0");
    assertThatThrownBy(() -> CuepointConfig.of(Collections.emptyMap(), Map.of("Job.parallelism", "two")))
        .hasMessage("Job.parallelism: 'two' is not a whole number");
    assertThatThrownBy(() -> CuepointConfig.of(Collections.emptyMap(), Map.of("Timeline.window-size", "12s")))
        .hasMessage("Timeline.window-size: 12000ms must be a multiple of Timeline.window-slide (5000ms)");
    assertThatThrownBy(() -> CuepointConfig.of(Collections.emptyMap(), Map.of("Nope.thing", "1")))
        .hasMessage("unknown property Nope.thing (see the README's configuration table)");
  }

  @Test
  void malformedFilesAreNamed() throws Exception {
    Path notJson = dir.resolve("a.json");
    Files.writeString(notJson, "{oops");
    assertThatThrownBy(() -> PropertyGroups.read(notJson)).hasMessageStartingWith("--config " + notJson + ": not valid JSON");
    Path wrongShape = dir.resolve("b.json");
    Files.writeString(wrongShape, "{\"Timeline\":{}}");
    assertThatThrownBy(() -> PropertyGroups.read(wrongShape)).hasMessageContaining("expected a JSON array");
    assertThatThrownBy(() -> PropertyGroups.read(dir.resolve("missing.json"))).hasMessageEndingWith("no such file");
  }

  @Test
  void readmeDocumentsEverySettingWithItsDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (Setting<?> s : Settings.ALL) {
      assertThat(readme).as(s.id()).contains("| `" + s.id() + "` | `" + s.defaultValue() + "` |");
    }
  }
}
