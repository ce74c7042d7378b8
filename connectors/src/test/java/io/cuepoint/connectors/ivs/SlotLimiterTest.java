package io.cuepoint.connectors.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotLimiterTest {
  @Test
  void aCallHoldsItsSlotUntilAWindowAfterItsAnswer() {
    SlotLimiter limiter = new SlotLimiter(2, 1_000);
    assertThat(limiter.tryAcquire(0)).isTrue();
    assertThat(limiter.tryAcquire(0)).isTrue();
    assertThat(limiter.tryAcquire(0)).isFalse();
    // Both still in flight: when a slot frees depends on an answer.
    assertThat(limiter.nextFreeAt(500)).isEqualTo(Long.MAX_VALUE);
    limiter.release(300);
    assertThat(limiter.nextFreeAt(400)).isEqualTo(1_300);
    assertThat(limiter.tryAcquire(1_299)).isFalse();
    assertThat(limiter.tryAcquire(1_300)).isTrue();
    assertThat(limiter.isIdle(5_000)).isFalse();
    limiter.release(1_400);
    limiter.release(1_500);
    assertThat(limiter.isIdle(2_499)).isFalse();
    assertThat(limiter.isIdle(2_500)).isTrue();
  }

  @Test
  void backoffIsFullJitterUnderADoublingCeiling() {
    Backoff backoff = new Backoff(100, 1_000, new Random(1));
    for (int attempt = 1; attempt <= 8; attempt++) {
      long ceiling = Math.min(1_000, 100L << (attempt - 1));
      long lowest = Long.MAX_VALUE;
      long highest = 0;
      for (int i = 0; i < 2_000; i++) {
        long d = backoff.delayMs(attempt);
        assertThat(d).isBetween(0L, ceiling);
        lowest = Math.min(lowest, d);
        highest = Math.max(highest, d);
      }
      // Spread over the whole range, not a fixed delay.
      assertThat(lowest).isLessThan(ceiling / 10 + 1);
      assertThat(highest).isGreaterThan(ceiling * 9 / 10);
    }
  }
}
