package io.cuepoint.jobs.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.OverlayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayConfigTest {
  @TempDir Path dir;

  private static CuepointConfig with(String... keyValues) {
    Map<String, String> overrides = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      overrides.put(keyValues[i], keyValues[i + 1]);
    }
    return CuepointConfig.of(Collections.emptyMap(), overrides);
  }

  @Test
  void defaultsAreTheDocumentedRulesAndADryRun() {
    OverlayConfig c = OverlayConfig.of(CuepointConfig.defaults());
    assertThat(c.rules.minConfidence).isEqualTo(80.0);
    assertThat(c.rules.minFrames).isEqualTo(1);
    assertThat(c.rules.showDurationMs).isEqualTo(120_000);
    assertThat(c.rules.cooldownMs).isEqualTo(600_000);
    assertThat(c.rules.resendIntervalMs).isEqualTo(10_000);
    assertThat(c.catalog.size()).isZero();
    assertThat(c.ivs.enabled).isFalse();
    assertThat(c.ivs.endpoint).isNull();
    assertThat(c.ivs.region).isNull();
    assertThat(c.ivs.channelCallsPerSecond).isEqualTo(5);
    assertThat(c.ivs.accountCallsPerSecond).isEqualTo(155);
    assertThat(c.productCues).isEmpty();
  }

  @Test
  void theSampleConfigurationLoadsItsCatalog() {
    OverlayConfig c = OverlayConfig.of(with("Overlays.catalog", "../samples/soccer-final/products.json"));
    assertThat(c.catalog.size()).isEqualTo(30);
  }

  @Test
  void mistakesAreOneLineNamingThePropertyAndFile() throws Exception {
    assertThatThrownBy(() -> with("Overlays.catalog", "missing.json"))
        .hasMessage("Overlays.catalog: missing.json: no such file");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"products\":[{\"productId\":\"a\",\"title\":\"A\",\"price\":1,\"currency\":\"euro\"}]}");
    assertThatThrownBy(() -> with("Overlays.catalog", bad.toString()))
        .hasMessage("Overlays.catalog: " + bad + ": products[0].currency: must be a three-letter ISO 4217 code");
    assertThatThrownBy(() -> with("Overlays.allowed-hosts", "shop.example.com, https://x"))
        .hasMessage("Overlays.allowed-hosts: 'https://x' is not a host name");
    assertThatThrownBy(() -> with("Overlays.ivs.account-calls-per-second", "1"))
        .hasMessage("Overlays.ivs.account-calls-per-second: 1 is less than Job.parallelism (2): every sender subtask needs at least one call a second");
    assertThatThrownBy(() -> with("Overlays.ivs.channel-calls-per-second", "6"))
        .hasMessage("Overlays.ivs.channel-calls-per-second: 6 is outside 1..5");
    assertThatThrownBy(() -> with("Overlays.ivs.decision-timeout", "12s"))
        .hasMessage("Overlays.ivs.decision-timeout: must be more than Overlays.ivs.retry-budget + Overlays.ivs.call-timeout (15000ms)");
    assertThatThrownBy(() -> with("Overlays.cooldown", "2h"))
        .hasMessage("Overlays.media-idle-timeout: must be at least Overlays.show-duration and Overlays.cooldown");
    assertThatThrownBy(() -> with("Overlays.ivs.enabled", "yes"))
        .hasMessage("Overlays.ivs.enabled: 'yes' is not true or false");
    assertThatThrownBy(() -> with("Overlays.ivs.region", "Oregon"))
        .hasMessage("Overlays.ivs.region: 'Oregon' is not an AWS region (like us-west-2)");
    assertThatThrownBy(() -> with("Overlays.product-cues", "show.srt"))
        .hasMessage("Overlays.product-cues: 'show.srt' is not MEDIA_ID=FILE@START");
    assertThatThrownBy(() -> with("Overlays.product-cues", "studio=show.srt@yesterday"))
        .hasMessage("Overlays.product-cues: 'yesterday' is not an ISO-8601 UTC time (2026-05-30T19:00:00Z)");
  }

  @Test
  void productCueFilesAreReadWithTheirStart() throws Exception {
    Path srt = dir.resolve("show.srt");
    Files.writeString(srt, "1\n00:00:04,000 --> 00:00:08,000\n{\"productId\": 1}\n");
    OverlayConfig c = OverlayConfig.of(with("Overlays.product-cues", "studio-show=" + srt + "@2026-05-30T19:00:00Z"));
    assertThat(c.productCues).singleElement().satisfies(f -> {
      assertThat(f.mediaId).isEqualTo("studio-show");
      assertThat(f.streamStartMs).isEqualTo(1_780_167_600_000L);
      assertThat(f.text).contains("productId");
    });
  }
}
