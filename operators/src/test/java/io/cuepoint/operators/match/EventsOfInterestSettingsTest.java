package io.cuepoint.operators.match;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventsOfInterestSettingsTest {

  @Test
  void defaultsAreValid() {
    assertThatCode(() -> new EventsOfInterestSettings().validate()).doesNotThrowAnyException();
  }

  @Test
  void aBadFieldIsNamed() {
    assertRejected(s -> s.goalFlurryGoals = 0, "goalFlurryGoals must be at least 1");
    assertRejected(s -> s.goalFlurryWindowMs = 0, "goalFlurryWindowMs");
    assertRejected(s -> s.closeFinishMinute = -1, "closeFinishMinute");
    assertRejected(s -> s.socialSurgeWindowMs = 1500, "socialSurgeWindowMs");
    assertRejected(s -> s.socialSurgeBaselineMs = 0, "socialSurgeBaselineMs");
    assertRejected(s -> s.socialSurgeFactor = Double.NaN, "socialSurgeFactor");
    assertRejected(s -> s.socialSurgeMinPosts = 0, "socialSurgeMinPosts");
    assertRejected(s -> s.socialSurgeCooldownMs = -1, "socialSurgeCooldownMs");
    assertRejected(s -> s.mediaIdleTimeoutMs = 60_000, "mediaIdleTimeoutMs");
  }

  @Test
  void theFunctionRefusesBadSettings() {
    EventsOfInterestSettings settings = new EventsOfInterestSettings();
    settings.goalFlurryGoals = 0;
    assertThatThrownBy(() -> new EventsOfInterestFunction(settings))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRejected(Consumer<EventsOfInterestSettings> change, String message) {
    EventsOfInterestSettings settings = new EventsOfInterestSettings();
    change.accept(settings);
    assertThatThrownBy(settings::validate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
