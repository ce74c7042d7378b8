package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionBinsTest {
  private static final long W = PositionBins.BASE_WIDTH_MS;

  @Test
  void sumsValuesPerBin() {
    PositionBins bins = new PositionBins(PositionBins.Combine.SUM);
    bins.add(0, 1);
    bins.add(W - 1, 2);
    bins.add(W, 5);
    bins.add(3 * W + 10, 1);

    assertThat(bins.length()).isEqualTo(4);
    assertThat(new long[] {bins.value(0), bins.value(1), bins.value(2), bins.value(3)})
        .containsExactly(3, 5, 0, 1);
  }

  @Test
  void keepsTheLargestValuePerBin() {
    PositionBins bins = new PositionBins(PositionBins.Combine.MAX);
    bins.add(10, 7000);
    bins.add(20, 9000);
    bins.add(30, 8000);

    assertThat(bins.value(0)).isEqualTo(9000);
  }

  @Test
  void negativePositionsCountAtTheStart() {
    PositionBins bins = new PositionBins(PositionBins.Combine.SUM);
    bins.add(-5_000, 1);

    assertThat(bins.value(0)).isEqualTo(1);
  }

  @Test
  void doublesItsWidthInsteadOfGrowingPastTheLimitAndKeepsTheTotal() {
    PositionBins bins = new PositionBins(PositionBins.Combine.SUM);
    long total = 0;
    for (long p = 0; p < 3L * PositionBins.MAX_BINS * W; p += 7_777) {
      bins.add(p, 2);
      total += 2;
    }

    assertThat(bins.widthMs()).isEqualTo(4 * W);
    assertThat(bins.length()).isLessThanOrEqualTo(PositionBins.MAX_BINS);
    long sum = 0;
    for (int i = 0; i < bins.length(); i++) {
      sum += bins.value(i);
    }
    assertThat(sum).isEqualTo(total);
  }

  @Test
  void coarsensToAWiderPowerOfTwoWidth() {
    PositionBins bins = new PositionBins(PositionBins.Combine.MAX);
    for (int i = 0; i < 8; i++) {
      bins.add(i * W, i);
    }
    bins.coarsenTo(4 * W);

    assertThat(bins.widthMs()).isEqualTo(4 * W);
    assertThat(new long[] {bins.value(0), bins.value(1)}).containsExactly(3, 7);
    assertThatThrownBy(() -> bins.coarsenTo(6 * W)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resamplesIntoWiderDisplayBins() {
    PositionBins bins = new PositionBins(PositionBins.Combine.SUM);
    for (int i = 0; i < 9; i++) {
      bins.add(i * W, 1);
    }

    assertThat(bins.resample(3 * W, 4)).containsExactly(3, 3, 3, 0);
    assertThat(bins.resample(3 * W, 2)).containsExactly(3, 3);
    assertThatThrownBy(() -> bins.resample(W + 1, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
