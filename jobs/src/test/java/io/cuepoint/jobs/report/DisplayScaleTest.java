package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayScaleTest {
  private static final long MIN = 60_000;
  private static final long BASE = PositionBins.BASE_WIDTH_MS;

  @Test
  void aThreeHourStreamGetsRoundBinsAndNoMoreThanTheLimit() {
    DisplayScale scale = DisplayScale.of(179 * MIN, 5_000, BASE);

    assertThat(scale.binMs).isEqualTo(15_000);
    assertThat(scale.bins).isEqualTo(717).isLessThanOrEqualTo(DisplayScale.MAX_BINS);
    assertThat(scale.durationMs()).isGreaterThan(179 * MIN);
    assertThat(DisplayScale.of(181 * MIN, 5_000, BASE).binMs).isEqualTo(30_000);
  }

  @Test
  void aShortStreamIsDrawnNoFinerThanTheTimelineSlide() {
    assertThat(DisplayScale.of(20 * MIN, 10_000, BASE).binMs).isEqualTo(10_000);
    assertThat(DisplayScale.of(20 * MIN, 0, BASE).binMs).isEqualTo(BASE);
  }

  @Test
  void widthIsAMultipleOfTheStoredWidth() {
    DisplayScale scale = DisplayScale.of(30 * 60 * MIN, 5_000, 4 * BASE);

    assertThat(scale.binMs % (4 * BASE)).isZero();
    assertThat(scale.bins).isLessThanOrEqualTo(DisplayScale.MAX_BINS);
  }

  @Test
  void positionsBeyondTheEndFallInTheLastBin() {
    DisplayScale scale = DisplayScale.of(MIN, 0, BASE);

    assertThat(scale.binOf(-1)).isZero();
    assertThat(scale.binOf(10 * MIN)).isEqualTo(scale.bins - 1);
  }
}
