package io.cuepoint.jobs.shoppable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.embedding.LocalImageEmbedder;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import org.junit.jupiter.api.Test;

class ShoppableSettingsTest {
  @Test
  void theDefaultThresholdIsTheOneMeasuredForTheLocalEmbedder() {
    assertThat(CuepointConfig.defaults().get(Settings.SHOPPABLE_MIN_SIMILARITY))
        .isEqualTo(LocalImageEmbedder.SUGGESTED_MIN_SIMILARITY);
  }

  @Test
  void theDefaultGapBridgesOneMissedFourSecondFrame() {
    long gap = CuepointConfig.defaults().get(Settings.SHOPPABLE_GAP_TOLERANCE).toMillis();
    assertThat(gap).isGreaterThanOrEqualTo(2 * 4_000).isLessThan(3 * 4_000);
  }
}
