package io.cuepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTallyTest {
  @Test
  void everyRecordOutOnceIsNothingLost() {
    OutcomeTally tally = new OutcomeTally(3);
    tally.record("a", "PERSONALIZE");
    tally.record("b", "LOCAL");
    tally.record("c", "PERSONALIZE");

    assertThat(tally.lost()).isZero();
    assertThat(tally.duplicates()).isZero();
    assertThat(tally.count("PERSONALIZE")).isEqualTo(2);
    assertThat(tally.describe()).isEqualTo("LOCAL 1, PERSONALIZE 2");
  }

  @Test
  void aDuplicateDoesNotHideALoss() {
    OutcomeTally tally = new OutcomeTally(3);
    tally.record("a", "SENT");
    tally.record("b", "SENT");
    tally.record("b", "SUPERSEDED");

    assertThat(tally.out()).isEqualTo(3);
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.duplicates()).isEqualTo(1);
  }

  @Test
  void theSinkReadsIdAndOutcomeFromTheJson() {
    String json = "{\"id\":\"media-1/viewer-7/100/JOIN\",\"viewerId\":\"viewer-7\",\"decidedBy\":\"LOCAL\"}";

    assertThat(OutcomeSink.field(json, "id")).isEqualTo("media-1/viewer-7/100/JOIN");
    assertThat(OutcomeSink.field(json, "decidedBy")).isEqualTo("LOCAL");
    assertThat(OutcomeSink.field(json, "status")).isEqualTo("?");
  }

  @Test
  void sustainedRateLeavesOutTheWarmUpAndTheLastPartialSecond() {
    assertThat(AsyncIoRun.sustained(new long[] {5, 50, 100, 300, 40, 0, 0})).isEqualTo(200.0);
    assertThat(AsyncIoRun.sustained(new long[] {5, 50})).isZero();
  }
}
