package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleTextTest {

  @Test
  void writesEveryValueOfTheFastRangeAsDoubleToStringDoes() {
    StringBuilder out = new StringBuilder();
    int fromN = 10;
    int toN = (int) (DoubleText.FAST_BELOW * DoubleText.SCALE);
    int mismatches = 0;
    String first = null;
    for (int n = fromN; n < toN; n++) {
      double value = n / (double) DoubleText.SCALE;
      out.setLength(0);
      DoubleText.append(out, value);
      if (!out.toString().equals(Double.toString(value))) {
        mismatches++;
        if (first == null) {
          first = n + ": " + out + " vs " + value;
        }
      }
    }
    assertThat(mismatches).as("first mismatch: %s", first).isZero();
  }

  @Test
  void writesTheNeighboursOfShortDecimalsAndOtherDoublesAsDoubleToStringDoes() {
    Random random = new Random(11);
    StringBuilder out = new StringBuilder();
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
        out.setLength(0);
        DoubleText.append(out, value);
        assertThat(out.toString()).isEqualTo(Double.toString(value));
      }
    }
  }

  @Test
  void writesTheEdgesOfTheFastRangeAsDoubleToStringDoes() {
    double[] edges = {
      0.0, -0.0, 0.0009, 0.000999, 0.001, 0.0011, 999.9999, 999.99999, 1000.0, 1000.0001, 1.0E-4,
      Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY
    };
    StringBuilder out = new StringBuilder();
    for (double value : edges) {
      out.setLength(0);
      DoubleText.append(out, value);
      assertThat(out.toString()).isEqualTo(Double.toString(value));
    }
  }
}
