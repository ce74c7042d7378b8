package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamClockTest {
  private static final long T0 = 1_780_167_600_000L;

  @Test
  void theMostCommonOffsetWins() {
    StreamClock clock = new StreamClock();
    clock.observe(T0 + 6_000, 6_000);
    clock.observe(T0 + 12_000, 12_000);
    clock.observe(T0 + 20_000, 10_000);
    clock.observeEventOnly(T0 - 60_000);

    assertThat(clock.source()).isEqualTo(StreamClock.Source.SEGMENTS_AND_WINDOWS);
    assertThat(clock.offset()).isEqualTo(T0);
    assertThat(clock.positionOf(T0 + 90_000)).isEqualTo(90_000);
    assertThat(clock.positionOf(T0 - 1)).as("before the stream started").isZero();
  }

  @Test
  void withoutPositionsTheEarliestEventIsTheStart() {
    StreamClock clock = new StreamClock();
    clock.observeEventOnly(T0 + 5_000);
    clock.observeEventOnly(T0 + 2_000);

    assertThat(clock.source()).isEqualTo(StreamClock.Source.EARLIEST_EVENT);
    assertThat(clock.positionOf(T0 + 5_000)).isEqualTo(3_000);
  }
}
