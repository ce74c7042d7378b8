package io.cuepoint.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FramesConfigTest {
  static FramesConfig with(Map<String, String> overrides) {
    return FramesConfig.of(CuepointConfig.of(Map.of(), overrides));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    FramesConfig c = with(Map.of());
    assertThat(c.frames.intervalMs).isEqualTo(4_000L);
    assertThat(c.frames.maxWidth).isEqualTo(1280);
    assertThat(c.frames.hammingThreshold).isEqualTo(10);
    assertThat(c.frames.maxGapMs).isEqualTo(30_000L);
    assertThat(c.frames.maxJpegBytes).isEqualTo(5 * 1024 * 1024);
    assertThat(c.segmentTimeoutMs).isEqualTo(60_000L);
  }

  @Test
  void badValuesAreOneLineNamingTheProperty() {
    assertThatThrownBy(() -> with(Map.of("Frames.interval", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Frames.interval");
    assertThatThrownBy(() -> with(Map.of("Frames.max-gap", "2s")))
        .hasMessageStartingWith("Frames.max-gap: must be at least Frames.interval");
    assertThatThrownBy(() -> with(Map.of("Frames.hamming-threshold", "65")))
        .hasMessageContaining("Frames.hamming-threshold");
    assertThatThrownBy(() -> with(Map.of("Frames.max-jpeg-bytes", "6000000")))
        .hasMessageContaining("Frames.max-jpeg-bytes");
  }
}
