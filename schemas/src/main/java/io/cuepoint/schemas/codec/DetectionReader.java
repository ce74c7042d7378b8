package io.cuepoint.schemas.codec;

import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a detection the way {@link RecordCodec}'s Jackson mapper does, for the lines that are
 * plainly well formed: the known fields only, strings without escapes, numbers without exponents,
 * no nulls. Anything else makes {@link #read} give up (null), and the caller reads the line with
 * Jackson, which gives the same record or the error the contract promises. Detections are most of
 * the job's input and Jackson spent most of the time of reading one looking up field names.
 *
 * <p>Numbers are read to the same doubles as Jackson: an integer as the double of its long, as
 * Jackson converts an integer token; a decimal of at most 15 significant digits as an exact
 * division of two exact doubles (correctly rounded, so equal to {@link Double#parseDouble}); any
 * longer decimal with {@code Double.parseDouble} itself.
 */
final class DetectionReader {
  private static final DetectionItem[] NO_ITEMS = new DetectionItem[0];
  private static final ItemKind[] KINDS = ItemKind.values();
  /** Powers of ten that are exact doubles. */
  private static final double[] EXACT_POWERS = new double[23];
  /** Longest integer read here: 18 digits always fit a long. */
  private static final int MAX_LONG_DIGITS = 18;
  /** Most significant digits an exact double holds for certain (2^53 > 10^15). */
  private static final int MAX_EXACT_DIGITS = 15;

  // Known field names by a code, for the switches that read each object.
  private static final int F_MEDIA_ID = 1;
  private static final int F_POSITION_MS = 2;
  private static final int F_EVENT_TIME = 3;
  private static final int F_SOURCE = 4;
  private static final int F_ITEMS = 5;
  private static final int F_KIND = 6;
  private static final int F_NAME = 7;
  private static final int F_CONFIDENCE = 8;
  private static final int F_BOX = 9;
  private static final int F_LEFT = 10;
  private static final int F_TOP = 11;
  private static final int F_WIDTH = 12;
  private static final int F_HEIGHT = 13;
  private static final byte[][] FIELD_NAMES = ascii(
      "", "mediaId", "positionMs", "eventTime", "source", "items", "kind", "name", "confidence",
      "box", "left", "top", "width", "height");
  private static final byte[][] KIND_NAMES = kindNames();

  private static byte[][] ascii(String... names) {
    byte[][] bytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
    return bytes;
  }

  private static byte[][] kindNames() {
    String[] names = new String[KINDS.length];
    for (int i = 0; i < KINDS.length; i++) {
      names[i] = KINDS[i].name();
    }
    return ascii(names);
  }

  static {
    double p = 1;
    for (int i = 0; i < EXACT_POWERS.length; i++) {
      EXACT_POWERS[i] = p;
      p *= 10;
    }
  }

  /**
   * The line in UTF-8: for the ASCII lines producers write, a plain copy of the string's bytes,
   * and indexing an array is cheaper than a String's charAt.
   */
  private final byte[] line;
  private final int length;
  private int pos;
  /** Whether the last number read had a fraction (for a long field, Jackson refuses it). */
  private boolean fraction;
  /** The last integer read. */
  private long longValue;

  private DetectionReader(String s) {
    this.line = s.getBytes(StandardCharsets.UTF_8);
    this.length = line.length;
  }

  /** The detection on this line, or null when the line needs Jackson. */
  static Detection read(String json) {
    try {
      return new DetectionReader(json).detection();
    } catch (GiveUp e) {
      return null;
    }
  }

  private Detection detection() {
    Detection d = new Detection();
    if (opens('{', '}')) {
      do {
        int name = fieldName();
        switch (name) {
          case F_MEDIA_ID:
            d.mediaId = string();
            break;
          case F_POSITION_MS:
            d.positionMs = longNumber();
            break;
          case F_EVENT_TIME:
            d.eventTime = longNumber();
            break;
          case F_SOURCE:
            d.source = string();
            break;
          case F_ITEMS:
            d.items = items();
            break;
          default:
            throw GiveUp.INSTANCE;
        }
      } while (nextMember('}'));
    }
    skipSpace();
    if (pos != length) {
      throw GiveUp.INSTANCE;
    }
    return d;
  }

  private DetectionItem[] items() {
    if (!opens('[', ']')) {
      return NO_ITEMS;
    }
    DetectionItem[] items = new DetectionItem[16];
    int n = 0;
    do {
      if (n == items.length) {
        items = Arrays.copyOf(items, n * 2);
      }
      items[n++] = item();
    } while (nextMember(']'));
    return n == items.length ? items : Arrays.copyOf(items, n);
  }

  private DetectionItem item() {
    DetectionItem item = new DetectionItem();
    if (opens('{', '}')) {
      do {
        switch (fieldName()) {
          case F_KIND:
            item.kind = kind();
            break;
          case F_NAME:
            item.name = string();
            break;
          case F_CONFIDENCE:
            item.confidence = doubleNumber();
            break;
          case F_BOX:
            item.box = box();
            break;
          default:
            throw GiveUp.INSTANCE;
        }
      } while (nextMember('}'));
    }
    return item;
  }

  private BoundingBox box() {
    BoundingBox box = new BoundingBox();
    if (opens('{', '}')) {
      do {
        switch (fieldName()) {
          case F_LEFT:
            box.left = doubleNumber();
            break;
          case F_TOP:
            box.top = doubleNumber();
            break;
          case F_WIDTH:
            box.width = doubleNumber();
            break;
          case F_HEIGHT:
            box.height = doubleNumber();
            break;
          default:
            throw GiveUp.INSTANCE;
        }
      } while (nextMember('}'));
    }
    return box;
  }

  private ItemKind kind() {
    skipSpace();
    expect('"');
    int start = pos;
    int end = closingQuote(start);
    for (int k = 0; k < KINDS.length; k++) {
      if (matches(start, end, KIND_NAMES[k])) {
        pos = end + 1;
        return KINDS[k];
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** Whether the bytes from start to end are the name. */
  private boolean matches(int start, int end, byte[] name) {
    if (end - start != name.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (line[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads a quoted field name and its colon; the code of a known name, else 0. */
  private int fieldName() {
    skipSpace();
    expect('"');
    int start = pos;
    int end = closingQuote(start);
    int code = code(start, end);
    pos = end + 1;
    skipSpace();
    expect(':');
    return code;
  }

  private int code(int start, int end) {
    // The first character and the length tell the known names apart; one comparison confirms.
    int candidate;
    switch (line[start]) {
      case 'm':
        candidate = F_MEDIA_ID;
        break;
      case 'p':
        candidate = F_POSITION_MS;
        break;
      case 'e':
        candidate = F_EVENT_TIME;
        break;
      case 's':
        candidate = F_SOURCE;
        break;
      case 'i':
        candidate = F_ITEMS;
        break;
      case 'k':
        candidate = F_KIND;
        break;
      case 'n':
        candidate = F_NAME;
        break;
      case 'c':
        candidate = F_CONFIDENCE;
        break;
      case 'b':
        candidate = F_BOX;
        break;
      case 'l':
        candidate = F_LEFT;
        break;
      case 't':
        candidate = F_TOP;
        break;
      case 'w':
        candidate = F_WIDTH;
        break;
      case 'h':
        candidate = F_HEIGHT;
        break;
      default:
        return 0;
    }
    return matches(start, end, FIELD_NAMES[candidate]) ? candidate : 0;
  }

  /** The position of the quote that ends the text starting at {@code start}. */
  private int closingQuote(int start) {
    for (int i = start; i < length; i++) {
      if (line[i] == '"') {
        return i;
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** A string value without escapes or control characters. */
  private String string() {
    skipSpace();
    expect('"');
    int start = pos;
    for (int i = start; i < length; i++) {
      byte b = line[i];
      if (b == '"') {
        pos = i + 1;
        return new String(line, start, i - start, StandardCharsets.UTF_8);
      }
      // Bytes of multi-byte characters are negative: neither a quote nor a control character.
      if (b == '\\' || (b >= 0 && b < 0x20)) {
        throw GiveUp.INSTANCE;
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** An integer for a Long field: Jackson refuses a fraction there, so such a line needs it. */
  private Long longNumber() {
    number();
    if (fraction) {
      throw GiveUp.INSTANCE;
    }
    return longValue;
  }

  private Double doubleNumber() {
    int start = pos;
    double exact = number();
    if (!fraction) {
      return (double) longValue;
    }
    if (!Double.isNaN(exact)) {
      return exact;
    }
    return Double.parseDouble(new String(line, start, pos - start, StandardCharsets.US_ASCII).trim());
  }

  /**
   * Reads a JSON number without an exponent. Sets {@link #fraction}, and {@link #longValue} for an
   * integer; returns a decimal's exact value, or NaN when it has too many digits to be exact here.
   */
  private double number() {
    skipSpace();
    boolean negative = false;
    if (pos < length && line[pos] == '-') {
      negative = true;
      pos++;
    }
    int intStart = pos;
    long mantissa = 0;
    int digits = 0;
    while (pos < length) {
      byte ch = line[pos];
      if (ch < '0' || ch > '9') {
        break;
      }
      mantissa = mantissa * 10 + (ch - '0');
      digits++;
      pos++;
      if (digits > MAX_LONG_DIGITS) {
        throw GiveUp.INSTANCE;
      }
    }
    int intDigits = pos - intStart;
    // JSON has no leading zeros and no number without an integer part.
    if (intDigits == 0 || (intDigits > 1 && line[intStart] == '0')) {
      throw GiveUp.INSTANCE;
    }
    fraction = false;
    int fractionDigits = 0;
    if (pos < length && line[pos] == '.') {
      fraction = true;
      pos++;
      int fractionStart = pos;
      while (pos < length) {
        byte ch = line[pos];
        if (ch < '0' || ch > '9') {
          break;
        }
        if (digits < MAX_LONG_DIGITS) {
          mantissa = mantissa * 10 + (ch - '0');
          digits++;
          fractionDigits++;
        } else {
          digits = MAX_LONG_DIGITS + 1;
        }
        pos++;
      }
      if (pos == fractionStart) {
        throw GiveUp.INSTANCE;
      }
    }
    if (pos < length && (line[pos] == 'e' || line[pos] == 'E')) {
      throw GiveUp.INSTANCE;
    }
    if (!fraction) {
      longValue = negative ? -mantissa : mantissa;
      return 0;
    }
    if (digits > MAX_EXACT_DIGITS) {
      return Double.NaN;
    }
    double value = mantissa / EXACT_POWERS[fractionDigits];
    return negative ? -value : value;
  }

  /**
   * Reads the mark that opens an object or array: true when members follow, false (and past the
   * closing mark) when it is empty.
   */
  private boolean opens(char open, char close) {
    skipSpace();
    expect(open);
    skipSpace();
    if (peek() == close) {
      pos++;
      return false;
    }
    return true;
  }

  /** After a member or element: true for a comma, false (and past it) for the closing mark. */
  private boolean nextMember(char close) {
    skipSpace();
    byte ch = peek();
    pos++;
    if (ch == ',') {
      return true;
    }
    if (ch == close) {
      return false;
    }
    throw GiveUp.INSTANCE;
  }

  private void expect(char expected) {
    if (peek() != expected) {
      throw GiveUp.INSTANCE;
    }
    pos++;
  }

  private byte peek() {
    if (pos >= length) {
      throw GiveUp.INSTANCE;
    }
    return line[pos];
  }

  private void skipSpace() {
    while (pos < length) {
      byte ch = line[pos];
      if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
        return;
      }
      pos++;
    }
  }

  /** The line needs Jackson. One shared instance without a stack trace: giving up is cheap. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }
}
