package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers as {@link JsonLine} writes them: as {@link Long#toString(long)} does. */
class JsonLineTest {
  private final JsonLine line = new JsonLine();

  private String written(long value) {
    line.number(value);
    return line.take();
  }

  @Test
  void writesLongsAroundEveryPowerOfTenAndTheExtremesAsLongToStringDoes() {
    long power = 1;
    for (int exponent = 0; exponent <= 18; exponent++, power *= 10) {
      for (long value = power - 2; value <= power + 2; value++) {
        assertThat(written(value)).isEqualTo(Long.toString(value));
        assertThat(written(-value)).isEqualTo(Long.toString(-value));
      }
    }
    for (long value :
        new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE,
          Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, 0}) {
      assertThat(written(value)).isEqualTo(Long.toString(value));
    }
  }

  @Test
  void writesRandomLongsOfEveryLengthAsLongToStringDoes() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      assertThat(written(value)).isEqualTo(Long.toString(value));
    }
  }

  @Test
  void rawTextAndUnquotedStringsGoBetweenTheValues() {
    line.raw("{\"a\":\"".toCharArray());
    line.unquoted("x\"y\n");
    line.raw("\"}".toCharArray());

    assertThat(line.take()).isEqualTo("{\"a\":\"x\\\"y\\n\"}");
  }
}
