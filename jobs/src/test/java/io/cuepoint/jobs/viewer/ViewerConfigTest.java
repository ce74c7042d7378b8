package io.cuepoint.jobs.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.connectors.personalize.PersonalizeSettings;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewerConfigTest {
  @TempDir Path dir;

  private static CuepointConfig with(String... keyValues) {
    Map<String, String> overrides = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      overrides.put(keyValues[i], keyValues[i + 1]);
    }
    return CuepointConfig.of(Collections.emptyMap(), overrides);
  }

  @Test
  void byDefaultTheLocalRankerDecidesAndNothingIsLoaded() {
    CuepointConfig c = CuepointConfig.defaults();
    PersonalizeSettings p = ViewerConfig.personalize(c);
    assertThat(p.ranks()).isFalse();
    assertThat(p.tracksEvents()).isFalse();
    assertThat(p.callsPerSecond).isEqualTo(50.0);
    assertThat(ViewerConfig.viewerSettings(c).decisionIntervalMs).isEqualTo(60_000);
    assertThat(ViewerConfig.viewerSettings(c).discountPercent).isEqualTo(20.0);
    ViewerReferenceData data = ViewerReferenceData.load(c);
    assertThat(data.widgets.widgets()).isEmpty();
    assertThat(data.ranker.interactions()).isZero();
  }

  @Test
  void theSampleConfigLoadsTheSampleFilesFromTheRepositoryRoot() {
    // The README's command runs at the repository root; the test's folder is jobs/.
    Map<String, java.util.Properties> groups = PropertyGroups.read(Path.of("..", "samples", "config.json"));
    for (java.util.Properties group : groups.values()) {
      group.replaceAll((k, v) -> v.toString().startsWith("samples/") ? "../" + v : v);
    }
    ViewerReferenceData data = ViewerReferenceData.load(CuepointConfig.of(groups, Collections.emptyMap()));
    assertThat(data.widgets.widgets()).hasSize(7);
    assertThat(data.products.size()).isEqualTo(30);
    assertThat(data.ranker.interactions()).isPositive();
    assertThat(ViewerConfig.mediaAttributes(CuepointConfig.of(groups, Collections.emptyMap())))
        .containsEntry("final-2026", Map.of("MATCH_TYPE", "FINAL", "VENUE", "Lakeside Arena"));
  }

  @Test
  void aSettingThatCannotBeUsedIsOneLineNamingIt() throws Exception {
    assertThatThrownBy(() -> with("Personalize.widget-campaign-arn", "campaign/widgets"))
        .hasMessageStartingWith("Personalize.widget-campaign-arn: 'campaign/widgets' is not a Personalize campaign ARN");
    assertThatThrownBy(() -> with("Personalize.offer-campaign-arn", "arn:aws:personalize:eu-west-1:123456789012:campaign/o"))
        .hasMessage("Personalize.offer-campaign-arn: needs Personalize.widget-campaign-arn too");
    assertThatThrownBy(() -> with("Personalize.endpoint", "localhost:8080"))
        .hasMessage("Personalize.endpoint: 'localhost:8080' is not an http(s)://host[:port] URL");
    assertThatThrownBy(() -> with("Personalize.region", "Ireland"))
        .hasMessage("Personalize.region: 'Ireland' is not a region (e.g. eu-west-1)");
    assertThatThrownBy(() -> with("Personalize.calls-per-second", "0"))
        .hasMessageStartingWith("Personalize.calls-per-second: 0 is outside");
    assertThatThrownBy(() -> with("Viewers.widgets", dir.resolve("missing.json").toString()))
        .hasMessageStartingWith("Viewers.widgets: " + dir.resolve("missing.json") + " is not a readable file");
    assertThatThrownBy(() -> with("Viewers.media-attributes", "final-2026:MATCH_TYPE"))
        .hasMessage("Viewers.media-attributes: 'MATCH_TYPE' of media final-2026 is not KEY=VALUE");
    assertThatThrownBy(() -> with("Viewers.idle-timeout", "0"))
        .hasMessage("Viewers.idle-timeout: must be more than 0");

    Path widgets = Files.writeString(dir.resolve("widgets.json"), "{\"widgets\":[{\"id\":\"w\",\"type\":\"BET\",\"minAge\":\"18\"}]}");
    assertThatThrownBy(() -> ViewerReferenceData.load(with("Viewers.widgets", widgets.toString())))
        .hasMessage("Viewers.widgets: " + widgets + ": widget w.minAge: must be a whole number from 0 to 150");
    Path csv = Files.writeString(dir.resolve("i.csv"), "USER_ID,ITEM_ID,EVENT_TYPE\nu,i\n");
    assertThatThrownBy(() -> ViewerReferenceData.load(with("Viewers.interactions", csv.toString())))
        .hasMessage("Viewers.interactions: " + csv + ": line 2: 2 fields, the header has 3");
  }
}
