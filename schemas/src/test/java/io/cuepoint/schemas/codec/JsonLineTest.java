package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbers as {@link JsonLine} writes them: longs as {@link Long#toString(long)} does, doubles as
 * {@link Double#toString(double)} does, also when their text comes from its cache.
 */
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

  private String written(double value) {
    line.number(value);
    return line.take();
  }

  @Test
  void writesDoublesAsDoubleToStringDoesWhenTheyRepeatAndWhenTheyShareACacheSlot() {
    Random random = new Random(5);
    // Fewer distinct values than cache slots, and then many more: hits, and slots overwritten.
    for (int distinct : new int[] {100, 50_000}) {
      double[] values = new double[distinct];
      for (int i = 0; i < distinct; i++) {
        values[i] = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      }
      for (int i = 0; i < 200_000; i++) {
        double value = values[random.nextInt(distinct)];
        assertThat(written(value)).isEqualTo(Double.toString(value));
      }
    }
  }

  @Test
  void writesSignedZerosAndTheExtremesAsDoubleToStringDoes() {
    for (double value :
        new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
          Double.MIN_NORMAL, 1.0E-3, 9.999E-4, 1.0E7, -1.0E7, 0.1 + 0.2}) {
      assertThat(written(value)).isEqualTo(Double.toString(value));
      assertThat(written(value)).isEqualTo(Double.toString(value));
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
