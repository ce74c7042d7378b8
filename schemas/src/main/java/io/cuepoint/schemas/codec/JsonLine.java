package io.cuepoint.schemas.codec;

import java.util.Arrays;

/**
 * One line of JSON built in a reused buffer, written the way {@link RecordCodec}'s Jackson mapper
 * writes it: fields whose value is null left out, strings escaped like Jackson (two-character
 * escapes for backspace, tab, newline, form feed, carriage return, quote and backslash, a
 * six-character escape with upper-case hex for the other control characters, everything else as
 * is), doubles as {@link Double#toString(double)} and the
 * non-finite ones as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>The line is built in a reused char array, as Jackson builds it: copying a string in and
 * looking for characters to escape there is several times cheaper than character by character
 * through a StringBuilder. Field prefixes are given ready made ({@code "name":}) so that a field
 * name costs one copy.
 */
final class JsonLine {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Longest buffer kept between records: a rare huge record must not pin its memory. */
  private static final int KEEP_CHARS = 16 * 1024;
  private static final int START_CHARS = 1024;
  /** Longest text of a long ("-9223372036854775808"). */
  private static final int LONG_CHARS = 20;

  /** Slots of the cache of double texts: a power of two. */
  private static final int DOUBLE_SLOTS = 512;

  private char[] buf = new char[START_CHARS];
  private int pos;
  /**
   * The texts of doubles written lately that {@link DoubleText} cannot write, by their bits in a
   * direct-mapped cache: such doubles (ranking scores) repeat across the viewers of one decision,
   * and {@link Double#toString(double)} costs a few hundred nanoseconds each.
   */
  private final long[] doubleBits = new long[DOUBLE_SLOTS];
  private final char[][] doubleTexts = new char[DOUBLE_SLOTS][];

  /** The line written since the last call, and a fresh start. */
  String take() {
    String line = new String(buf, 0, pos);
    pos = 0;
    if (buf.length > KEEP_CHARS) {
      buf = new char[START_CHARS];
    }
    return line;
  }

  void clear() {
    pos = 0;
  }

  void startObject() {
    put('{');
  }

  void endObject() {
    put('}');
  }

  void startArray() {
    put('[');
  }

  void endArray() {
    put(']');
  }

  /** Starts a field or an array element: a comma unless it is the first in its object or array. */
  void next() {
    char last = buf[pos - 1];
    if (last != '{' && last != '[') {
      put(',');
    }
  }

  /** Starts a field; {@code prefix} is its quoted name and colon. */
  void field(String prefix) {
    next();
    copy(prefix);
  }

  /** Starts a field whose name is data (a map key), escaped. */
  void fieldNamed(String name) {
    next();
    quoted(name);
    put(':');
  }

  void field(String prefix, String value) {
    if (value != null) {
      field(prefix);
      quoted(value);
    }
  }

  void field(String prefix, Long value) {
    if (value != null) {
      field(prefix);
      number(value.longValue());
    }
  }

  void field(String prefix, Integer value) {
    if (value != null) {
      field(prefix);
      number(value.intValue());
    }
  }

  void field(String prefix, Boolean value) {
    if (value != null) {
      field(prefix);
      copy(value ? "true" : "false");
    }
  }

  void field(String prefix, Double value) {
    if (value != null) {
      field(prefix);
      number(value.doubleValue());
    }
  }

  void field(String prefix, Enum<?> value) {
    if (value != null) {
      field(prefix);
      quoted(value.name());
    }
  }

  void nullValue() {
    copy("null");
  }

  void number(double value) {
    if (!Double.isFinite(value)) {
      put('"');
      copy(Double.toString(value));
      put('"');
      return;
    }
    long shortDecimal = DoubleText.tenThousandths(value);
    if (shortDecimal >= 0) {
      number(shortDecimal / DoubleText.SCALE);
      ensure(DoubleText.FRACTION_CHARS);
      pos = DoubleText.writeFraction((int) (shortDecimal % DoubleText.SCALE), buf, pos);
    } else {
      raw(doubleText(value));
    }
  }

  private char[] doubleText(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(DOUBLE_SLOTS)));
    char[] text = doubleTexts[slot];
    if (text == null || doubleBits[slot] != bits) {
      text = Double.toString(value).toCharArray();
      doubleBits[slot] = bits;
      doubleTexts[slot] = text;
    }
    return text;
  }

  void number(long value) {
    if (value == Long.MIN_VALUE) {
      copy(Long.toString(value));
      return;
    }
    ensure(LONG_CHARS);
    char[] b = buf;
    int p = pos;
    if (value < 0) {
      b[p++] = '-';
      value = -value;
    }
    int end = p + digits(value);
    int i = end;
    // Two digits per division: the divisions are most of the cost of a number.
    while (value > Integer.MAX_VALUE) {
      long quotient = value / 100;
      int pair = (int) (value - quotient * 100);
      b[--i] = DigitPairs.ONES[pair];
      b[--i] = DigitPairs.TENS[pair];
      value = quotient;
    }
    int small = (int) value;
    while (small >= 100) {
      int quotient = small / 100;
      int pair = small - quotient * 100;
      b[--i] = DigitPairs.ONES[pair];
      b[--i] = DigitPairs.TENS[pair];
      small = quotient;
    }
    if (small >= 10) {
      b[--i] = DigitPairs.ONES[small];
      b[--i] = DigitPairs.TENS[small];
    } else {
      b[--i] = (char) ('0' + small);
    }
    pos = end;
  }

  private static int digits(long nonNegative) {
    // floor(log10) from the bit length, corrected by one comparison (Hacker's Delight 11-4).
    int guess = ((64 - Long.numberOfLeadingZeros(nonNegative)) * 1233) >>> 12;
    return nonNegative >= DigitPairs.POWERS_OF_TEN[guess] ? guess + 1 : Math.max(guess, 1);
  }

  /** Where the next character goes: a mark for {@link #since}. */
  int mark() {
    return pos;
  }

  /** A copy of what was written since {@code mark}, to be written again through {@link #raw}. */
  char[] since(int mark) {
    return Arrays.copyOfRange(buf, mark, pos);
  }

  /** Copies text given ready made, such as a field prefix with the punctuation around it. */
  void raw(char[] text) {
    ensure(text.length);
    System.arraycopy(text, 0, buf, pos, text.length);
    pos += text.length;
  }

  /** A string's characters, escaped, without the quotes: for a string between raw text. */
  void unquoted(String s) {
    int length = s.length();
    ensure(length);
    char[] b = buf;
    int start = pos;
    s.getChars(0, length, b, start);
    int end = start + length;
    for (int i = start; i < end; i++) {
      char c = b[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        pos = i;
        escapedFrom(s, i - start);
        return;
      }
    }
    pos = end;
  }

  /** A string value, quoted and escaped; null as JSON null. */
  void string(String value) {
    if (value == null) {
      nullValue();
    } else {
      quoted(value);
    }
  }

  private void quoted(String s) {
    put('"');
    unquoted(s);
    put('"');
  }

  /** The rare string with something to escape, from its first such character. */
  private void escapedFrom(String s, int from) {
    int length = s.length();
    for (int i = from; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        escape(c);
      } else {
        put(c);
      }
    }
  }

  private void escape(char c) {
    ensure(6);
    buf[pos++] = '\\';
    switch (c) {
      case '"':
      case '\\':
        buf[pos++] = c;
        break;
      case '\b':
        buf[pos++] = 'b';
        break;
      case '\t':
        buf[pos++] = 't';
        break;
      case '\n':
        buf[pos++] = 'n';
        break;
      case '\f':
        buf[pos++] = 'f';
        break;
      case '\r':
        buf[pos++] = 'r';
        break;
      default:
        buf[pos++] = 'u';
        buf[pos++] = '0';
        buf[pos++] = '0';
        buf[pos++] = HEX[c >> 4];
        buf[pos++] = HEX[c & 0xF];
    }
  }

  private void copy(String s) {
    int length = s.length();
    ensure(length);
    s.getChars(0, length, buf, pos);
    pos += length;
  }

  void put(char c) {
    ensure(1);
    buf[pos++] = c;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }
}
