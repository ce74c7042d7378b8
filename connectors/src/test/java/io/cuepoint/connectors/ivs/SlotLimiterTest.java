package io.cuepoint.connectors.ivs;

import static org.assertj.core.api.Assertions.assertThat;

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
}
