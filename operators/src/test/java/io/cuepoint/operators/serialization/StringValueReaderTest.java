package io.cuepoint.operators.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** Strings written by Flink's StringValue read back as StringValue reads them, and no further. */
class StringValueReaderTest {
  /** The highest character of each width: 1, 2 and 3 bytes. */
  private static final char[] RANGES = {0x7f, 0xff, 0x3fff, 0xffff};

  @Test
  void readsWhatStringValueReadsOnRandomStrings() throws Exception {
    Random random = new Random(17);
    for (int run = 0; run < 5_000; run++) {
      String[] strings = new String[1 + random.nextInt(4)];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = randomString(random, run);
      }
      DataOutputSerializer out = new DataOutputSerializer(64);
      for (String s : strings) {
        StringValue.writeString(s, out);
        out.writeInt(run);
      }

      DataInputDeserializer expected = new DataInputDeserializer(out.getCopyOfBuffer());
      DataInputDeserializer actual = new DataInputDeserializer(out.getCopyOfBuffer());
      for (String s : strings) {
        String read = StringValueReader.read(actual);
        assertThat(read).as("run %d", run).isEqualTo(StringValue.readString(expected)).isEqualTo(s);
        assertThat(actual.readInt()).as("what follows run %d", run).isEqualTo(run);
        expected.readInt();
      }
      assertThat(actual.available()).isZero();
    }
  }

  private static String randomString(Random random, int run) {
    if (random.nextInt(20) == 0) {
      return null;
    }
    // Now and then long enough for a two- and a three-byte length.
    int length = random.nextInt(run % 100 == 0 ? 20_000 : run % 10 == 0 ? 300 : 20);
    char max = RANGES[random.nextInt(RANGES.length)];
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // Mostly ASCII with a wide character here and there, or none.
      boolean wide = max > 0x7f && random.nextInt(4) == 0;
      s.append((char) (wide ? random.nextInt(max + 1) : random.nextInt(0x80)));
    }
    return s.toString();
  }
}
