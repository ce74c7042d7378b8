package io.cuepoint.connectors.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstOfATenthOfASecondGoesAtOnceThenCallsAreSpacedEvenly() {
    TokenBucket bucket = new TokenBucket(100, 0);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.reserve(0)).as("call %d", i).isZero();
    }
    assertThat(bucket.reserve(0)).isEqualTo(SECOND / 100);
    assertThat(bucket.reserve(0)).isEqualTo(2 * SECOND / 100);
  }

  @Test
  void noSecondHoldsMoreThanTheRateAndTheBurst() {
    TokenBucket bucket = new TokenBucket(20, 0);
    int inFirstSecond = 0;
    for (int i = 0; i < 100; i++) {
      if (bucket.reserve(0) < SECOND) {
        inFirstSecond++;
      }
    }
    assertThat(inFirstSecond).isEqualTo(20 + 1);
  }

  @Test
  void idleTimeRefillsTheBurstButNoMore() {
    TokenBucket bucket = new TokenBucket(10, 0);
    assertThat(bucket.reserve(0)).isZero();
    assertThat(bucket.reserve(0)).isEqualTo(SECOND / 10);
    long later = 10 * SECOND;
    assertThat(bucket.reserve(later)).isZero();
    assertThat(bucket.reserve(later)).isEqualTo(SECOND / 10);
  }

  @Test
  void aSlowRateStillLetsOneCallGo() {
    TokenBucket bucket = new TokenBucket(0.5, 0);
    assertThat(bucket.reserve(0)).isZero();
    assertThat(bucket.reserve(0)).isEqualTo(2 * SECOND);
  }
}
