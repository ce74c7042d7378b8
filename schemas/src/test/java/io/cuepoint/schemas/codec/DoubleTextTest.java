package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Doubles as {@link JsonLine} writes them, short decimals through {@link DoubleText}. */
class DoubleTextTest {
  private final JsonLine line = new JsonLine();

  private String written(double value) {
    line.number(value);
    return line.take();
  }

  @Test
  void writesEveryValueOfTheFastRangeAsDoubleToStringDoes() {
    int fromN = 10;
    int toN = (int) (DoubleText.FAST_BELOW * DoubleText.SCALE);
    int mismatches = 0;
    String first = null;
    for (int n = fromN; n < toN; n++) {
      double value = n / (double) DoubleText.SCALE;
      String written = written(value);
      if (!written.equals(Double.toString(value))) {
        mismatches++;
        if (first == null) {
          first = n + ": " + written + " vs " + value;
        }
      }
    }
    assertThat(mismatches).as("first mismatch: %s", first).isZero();
  }

  @Test
  void writesTheNeighboursOfShortDecimalsAndOtherDoublesAsDoubleToStringDoes() {
    Random random = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      double shortDecimal = (10 + random.nextInt(10_000_000)) / (double) DoubleText.SCALE;
      double[] values = {
        Math.nextUp(shortDecimal),
        Math.nextDown(shortDecimal),
        -shortDecimal,
        random.nextDouble(),
        random.nextDouble() * 2000,
        Double.longBitsToDouble(random.nextLong())
      };
      for (double value : values) {
        String text = Double.toString(value);
        assertThat(written(value)).isEqualTo(Double.isFinite(value) ? text : '"' + text + '"');
      }
    }
  }

  @Test
  void writesNonFiniteValuesAsStringsLikeJackson() {
    assertThat(written(Double.NaN)).isEqualTo("\"NaN\"");
    assertThat(written(Double.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
    assertThat(written(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
  }

  @Test
  void writesTheEdgesOfTheFastRangeAsDoubleToStringDoes() {
    double[] edges = {
      0.0, -0.0, 0.0009, 0.000999, 0.001, 0.0011, 999.9999, 999.99999, 1000.0, 1000.0001, 1.0E-4,
      Double.MIN_VALUE, Double.MAX_VALUE, 1.0E7, 9999999.999, 123456.0, 0.5, 1.0
    };
    for (double value : edges) {
      assertThat(written(value)).isEqualTo(Double.toString(value));
    }
  }
}
