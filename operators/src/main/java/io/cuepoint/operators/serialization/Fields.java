package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.StringMap;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Field by field reading and writing for the record serializers. Every field may be null as the
 * record classes allow: boxed numbers and nested records carry a presence byte, enums are written
 * as ordinal + 1 (0 for null), arrays as their length (-1 for null), strings as Flink's
 * {@link StringValue} layout (which has null).
 */
final class Fields {
  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;

  private Fields() {}

  static void writeString(String value, DataOutputView out) throws IOException {
    StringValue.writeString(value, out);
  }

  static String readString(DataInputView in) throws IOException {
    return StringValueReader.read(in);
  }

  static void writeLong(Long value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(ABSENT);
    } else {
      out.writeByte(PRESENT);
      out.writeLong(value);
    }
  }

  static Long readLong(DataInputView in) throws IOException {
    return present(in) ? in.readLong() : null;
  }

  static void writeInt(Integer value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(ABSENT);
    } else {
      out.writeByte(PRESENT);
      out.writeInt(value);
    }
  }

  static Integer readInt(DataInputView in) throws IOException {
    return present(in) ? in.readInt() : null;
  }

  static void writeDouble(Double value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(ABSENT);
    } else {
      out.writeByte(PRESENT);
      out.writeDouble(value);
    }
  }

  static Double readDouble(DataInputView in) throws IOException {
    return present(in) ? in.readDouble() : null;
  }

  static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
    out.writeByte(value == null ? 0 : value.ordinal() + 1);
  }

  /** @param constants the enum's {@code values()}, kept by the caller to spare a copy per read */
  static <E extends Enum<E>> E readEnum(E[] constants, DataInputView in) throws IOException {
    int code = in.readUnsignedByte();
    if (code == 0) {
      return null;
    }
    if (code > constants.length) {
      throw new IOException("no constant " + (code - 1) + " in " + constants[0].getDeclaringClass());
    }
    return constants[code - 1];
  }

  static void writeStrings(String[] values, DataOutputView out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (String value : values) {
      StringValue.writeString(value, out);
    }
  }

  static String[] readStrings(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    String[] values = new String[length];
    for (int i = 0; i < length; i++) {
      values[i] = StringValueReader.read(in);
    }
    return values;
  }

  static String[] copyStrings(String[] values) {
    return values == null ? null : values.clone();
  }

  static void writeDoubles(double[] values, DataOutputView out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  static double[] readDoubles(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  static double[] copyDoubles(double[] values) {
    return values == null ? null : values.clone();
  }

  static void writeMap(StringMap map, DataOutputView out) throws IOException {
    if (map == null) {
      out.writeByte(ABSENT);
      return;
    }
    out.writeByte(PRESENT);
    writeStrings(map.keys, out);
    writeStrings(map.values, out);
  }

  static StringMap readMap(DataInputView in) throws IOException {
    if (!present(in)) {
      return null;
    }
    StringMap map = new StringMap();
    map.keys = readStrings(in);
    map.values = readStrings(in);
    return map;
  }

  static StringMap copyMap(StringMap map) {
    if (map == null) {
      return null;
    }
    StringMap copy = new StringMap();
    copy.keys = copyStrings(map.keys);
    copy.values = copyStrings(map.values);
    return copy;
  }

  static <T> void writePart(T value, PartFormat<T> format, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(ABSENT);
    } else {
      out.writeByte(PRESENT);
      format.write(value, out);
    }
  }

  static <T> T readPart(PartFormat<T> format, DataInputView in) throws IOException {
    return present(in) ? format.read(in) : null;
  }

  static <T> T copyPart(T value, PartFormat<T> format) {
    return value == null ? null : format.copy(value);
  }

  static <T> void writeParts(T[] values, PartFormat<T> format, DataOutputView out)
      throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (T value : values) {
      writePart(value, format, out);
    }
  }

  static <T> T[] readParts(PartFormat<T> format, DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    T[] values = format.newArray(length);
    for (int i = 0; i < length; i++) {
      values[i] = readPart(format, in);
    }
    return values;
  }

  static <T> T[] copyParts(T[] values, PartFormat<T> format) {
    if (values == null) {
      return null;
    }
    T[] copy = format.newArray(values.length);
    for (int i = 0; i < values.length; i++) {
      copy[i] = copyPart(values[i], format);
    }
    return copy;
  }

  private static boolean present(DataInputView in) throws IOException {
    byte flag = in.readByte();
    if (flag == PRESENT) {
      return true;
    }
    if (flag != ABSENT) {
      throw new IOException("corrupt presence byte " + flag);
    }
    return false;
  }
}
