package io.cuepoint.operators.serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.types.StringValue;

/**
 * Reads a string written by {@link StringValue#writeString}: its length + 1 (0 for null), then each
 * character, both as 7-bit groups, lowest first, with the high bit set on all but the last. {@link
 * StringValue#readString} reads each byte through a call and fills a buffer it looks up in a
 * thread-local map, which on a task thread holding many thread-locals is a probe of a crowded hash
 * table per string; this reads the bytes in one call and makes an ASCII string from them directly.
 */
final class StringValueReader {
  private static final int HIGH_BIT = 0x80;

  private StringValueReader() {}

  static String read(DataInputView in) throws IOException {
    int length = in.readUnsignedByte();
    if (length == 0) {
      return null;
    }
    if (length >= HIGH_BIT) {
      length = rest(length, in);
    }
    length--;
    // Each character takes at least one byte, so these bytes are all the string's.
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return wide(bytes, i, in);
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * The string whose first {@code ascii} characters were one byte each: the rest of {@code bytes}
   * holds the next characters' bytes, and what they take beyond it is read on.
   */
  private static String wide(byte[] bytes, int ascii, DataInputView in) throws IOException {
    int length = bytes.length;
    char[] chars = new char[length];
    for (int i = 0; i < ascii; i++) {
      chars[i] = (char) bytes[i];
    }
    int next = ascii;
    for (int i = ascii; i < length; i++) {
      int c = next < length ? bytes[next++] & 0xff : in.readUnsignedByte();
      if (c >= HIGH_BIT) {
        int shift = 7;
        c &= 0x7f;
        int more;
        while ((more = next < length ? bytes[next++] & 0xff : in.readUnsignedByte())
            >= HIGH_BIT) {
          c |= (more & 0x7f) << shift;
          shift += 7;
        }
        c |= more << shift;
      }
      chars[i] = (char) c;
    }
    return new String(chars);
  }

  /** The value whose first 7-bit group is in {@code first}, high bit set. */
  private static int rest(int first, DataInputView in) throws IOException {
    int value = first & 0x7f;
    int shift = 7;
    int more;
    while ((more = in.readUnsignedByte()) >= HIGH_BIT) {
      value |= (more & 0x7f) << shift;
      shift += 7;
    }
    return value | more << shift;
  }
}
