package io.cuepoint.connectors.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
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
