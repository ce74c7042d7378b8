package io.cuepoint.connectors.rekognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void neverMoreThanRatePlusBurstInAnySecondHoweverHardItIsAsked() {
    TokenBucket bucket = new TokenBucket(10, 2, 0);
    List<Long> taken = new ArrayList<>();
    // Asked every millisecond for five seconds.
    for (long t = 0; t < 5 * SECOND; t += 1_000_000L) {
      if (bucket.tryTake(t)) {
        taken.add(t);
      }
    }
    int most = 0;
    for (int start = 0; start < taken.size(); start++) {
      int end = start;
      while (end < taken.size() && taken.get(end) - taken.get(start) < SECOND) {
        end++;
      }
      most = Math.max(most, end - start);
    }
    assertThat(most).isBetween(10, 10 + 2);
    // The burst once, then the rate.
    assertThat(taken).hasSizeBetween(2 + 49, 2 + 50);
  }

  @Test
  void saysWhenTheNextTokenComesInsteadOfWaiting() {
    TokenBucket bucket = new TokenBucket(4, 0.4, 0);
    assertThat(bucket.nanosUntilToken(0)).isZero();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    long wait = bucket.nanosUntilToken(0);
    assertThat(wait).isEqualTo(SECOND / 4);
    assertThat(bucket.tryTake(wait - 1)).isFalse();
    assertThat(bucket.tryTake(wait)).isTrue();
  }
}
