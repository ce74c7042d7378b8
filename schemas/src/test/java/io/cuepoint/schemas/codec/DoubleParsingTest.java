package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.BoundingBox;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec reads doubles with Jackson's fast parser; every value must be the one {@link
 * Double#parseDouble} gives for the same text, or a replay would differ from the live job's past.
 */
class DoubleParsingTest {
  @Test
  void readsEveryDoubleAsDoubleParseDoubleDoes() throws RecordException {
    Random random = new Random(17);
    int mismatches = 0;
    String first = null;
    for (int i = 0; i < 100_000; i++) {
      String text = text(random, i % 4);
      BoundingBox box = RecordCodec.decode("{\"left\":" + text + "}", BoundingBox.class);
      if (Double.doubleToRawLongBits(box.left) != Double.doubleToRawLongBits(Double.parseDouble(text))) {
        mismatches++;
        if (first == null) {
          first = text + " read as " + box.left;
        }
      }
    }
    assertThat(mismatches).as("first mismatch: %s", first).isZero();
  }

  /** Short decimals as records carry them, shortest texts of any double, and long digit strings. */
  private static String text(Random random, int kind) {
    switch (kind) {
      case 0:
        return random.nextInt(10_000) + "." + random.nextInt(10_000);
      case 1:
        double any = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(any) ? Double.toString(any) : "0.5";
      case 2:
        return Double.toString(random.nextDouble());
      default:
        StringBuilder digits = new StringBuilder("0.");
        for (int d = 0; d < 17 + random.nextInt(20); d++) {
          digits.append(random.nextInt(10));
        }
        return digits + "e" + (random.nextInt(600) - 300);
    }
  }
}
