package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TimelineSettingsTest {

  @Test
  void defaultsAreValid() {
    assertThatCode(() -> new TimelineSettings().validate()).doesNotThrowAnyException();
  }

  @Test
  void aBadFieldIsNamed() {
    assertRejected(s -> s.windowSlideMs = 0, "windowSlideMs must be positive");
    assertRejected(s -> s.windowSizeMs = 12_000, "windowSizeMs must be a positive multiple");
    assertRejected(s -> s.windowSizeMs = 0, "windowSizeMs");
    assertRejected(s -> s.minConfidence = 100.5, "minConfidence");
    assertRejected(s -> s.minConfidence = Double.NaN, "minConfidence");
    assertRejected(s -> s.mediaIdleTimeoutMs = 10_000, "mediaIdleTimeoutMs");
  }

  private static void assertRejected(Consumer<TimelineSettings> change, String message) {
    TimelineSettings settings = new TimelineSettings();
    change.accept(settings);
    assertThatThrownBy(settings::validate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
