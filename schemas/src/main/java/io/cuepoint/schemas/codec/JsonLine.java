package io.cuepoint.schemas.codec;

/**
 * One line of JSON built in a reused buffer, written the way {@link RecordCodec}'s Jackson mapper
 * writes it: fields whose value is null left out, strings escaped like Jackson (two-character
 * escapes for backspace, tab, newline, form feed, carriage return, quote and backslash, a
 * six-character escape with upper-case hex for the other control characters, everything else as
 * is), doubles as {@link Double#toString(double)} and the
 * non-finite ones as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>Field prefixes are given ready made ({@code "name":}) so that a field costs one append.
 */
final class JsonLine {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Longest buffer kept between records: a rare huge record must not pin its memory. */
  private static final int KEEP_CHARS = 16 * 1024;

  private StringBuilder out = new StringBuilder(1024);
  /**
   * The buffer holds a character beyond Latin-1: it then keeps two bytes a character for good and
   * every line would pay to be compressed back, so it is replaced.
   */
  private boolean wide;

  /** The line written since the last call, and a fresh start. */
  String take() {
    String line = out.toString();
    if (wide || out.capacity() > KEEP_CHARS) {
      out = new StringBuilder(1024);
      wide = false;
    } else {
      out.setLength(0);
    }
    return line;
  }

  void clear() {
    out.setLength(0);
  }

  void startObject() {
    out.append('{');
  }

  void endObject() {
    out.append('}');
  }

  void startArray() {
    out.append('[');
  }

  void endArray() {
    out.append(']');
  }

  /** Starts a field or an array element: a comma unless it is the first in its object or array. */
  void next() {
    char last = out.charAt(out.length() - 1);
    if (last != '{' && last != '[') {
      out.append(',');
    }
  }

  /** Starts a field; {@code prefix} is its quoted name and colon. */
  void field(String prefix) {
    next();
    out.append(prefix);
  }

  /** Starts a field whose name is data (a map key), escaped. */
  void fieldNamed(String name) {
    next();
    quoted(name);
    out.append(':');
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
      out.append(value.longValue());
    }
  }

  void field(String prefix, Integer value) {
    if (value != null) {
      field(prefix);
      out.append(value.intValue());
    }
  }

  void field(String prefix, Boolean value) {
    if (value != null) {
      field(prefix);
      out.append(value.booleanValue());
    }
  }

  void field(String prefix, Double value) {
    if (value != null) {
      field(prefix);
      number(value);
    }
  }

  void field(String prefix, Enum<?> value) {
    if (value != null) {
      field(prefix);
      quoted(value.name());
    }
  }

  void nullValue() {
    out.append("null");
  }

  void number(double value) {
    if (Double.isFinite(value)) {
      DoubleText.append(out, value);
    } else {
      out.append('"').append(value).append('"');
    }
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
    out.append('"');
    int length = s.length();
    int i = 0;
    while (i < length && isPlainLatin1(s.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.append(s);
    } else {
      quotedFrom(s, i);
    }
    out.append('"');
  }

  /** The rare string with something to escape or beyond Latin-1, from its first such character. */
  private void quotedFrom(String s, int from) {
    out.append(s, 0, from);
    int plain = from;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscape(c)) {
        out.append(s, plain, i);
        escape(c);
        plain = i + 1;
      } else if (c > 0xFF) {
        wide = true;
      }
    }
    out.append(s, plain, s.length());
  }

  private static boolean isPlainLatin1(char c) {
    return c >= 0x20 && c <= 0xFF && c != '"' && c != '\\';
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }

  private void escape(char c) {
    out.append('\\');
    switch (c) {
      case '"':
      case '\\':
        out.append(c);
        break;
      case '\b':
        out.append('b');
        break;
      case '\t':
        out.append('t');
        break;
      case '\n':
        out.append('n');
        break;
      case '\f':
        out.append('f');
        break;
      case '\r':
        out.append('r');
        break;
      default:
        out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }
}
