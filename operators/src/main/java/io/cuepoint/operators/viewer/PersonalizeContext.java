package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;
import java.util.Arrays;
import java.util.Map;

/**
 * Makes a context map Amazon Personalize accepts: keys of {@code [A-Za-z0-9_]} (other characters
 * become {@code _}) at most {@value #MAX_KEY_CHARS} long, values at most {@value
 * #MAX_VALUE_CHARS} characters, at most {@value #MAX_ENTRIES} entries. Entries are kept in the
 * order given, so the most important come first and survive the cut; empty keys and values are
 * left out, and a key that collides after cleaning keeps its first value.
 */
public final class PersonalizeContext {
  public static final int MAX_ENTRIES = 150;
  public static final int MAX_KEY_CHARS = 150;
  public static final int MAX_VALUE_CHARS = 1000;

  private PersonalizeContext() {}

  public static StringMap sanitize(Map<String, String> entries) {
    int most = Math.min(entries.size(), MAX_ENTRIES);
    String[] keys = new String[most];
    String[] values = new String[most];
    int n = 0;
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (n == MAX_ENTRIES) {
        break;
      }
      String key = key(e.getKey());
      String value = value(e.getValue());
      if (key.isEmpty() || value.isEmpty() || indexOf(keys, n, key) >= 0) {
        continue;
      }
      // Kept sorted as they come: a context has a handful of entries.
      int at = n;
      while (at > 0 && keys[at - 1].compareTo(key) > 0) {
        keys[at] = keys[at - 1];
        values[at] = values[at - 1];
        at--;
      }
      keys[at] = key;
      values[at] = value;
      n++;
    }
    StringMap m = new StringMap();
    m.keys = n == most ? keys : Arrays.copyOf(keys, n);
    m.values = n == most ? values : Arrays.copyOf(values, n);
    return m;
  }

  private static int indexOf(String[] keys, int n, String key) {
    for (int i = 0; i < n; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** A key Personalize accepts: other characters become {@code _}, cut to the longest allowed. */
  public static String key(String raw) {
    if (raw == null) {
      return "";
    }
    if (clean(raw)) {
      return raw;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length() && b.length() < MAX_KEY_CHARS; i++) {
      char c = raw.charAt(i);
      b.append(allowed(c) ? c : '_');
    }
    return b.toString();
  }

  /** Whether a key is already as {@link #key} would make it: most are. */
  private static boolean clean(String raw) {
    if (raw.length() > MAX_KEY_CHARS) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (!allowed(raw.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  static String value(String raw) {
    if (raw == null) {
      return "";
    }
    String v = raw.trim();
    if (v.length() <= MAX_VALUE_CHARS) {
      return v;
    }
    // Never split a surrogate pair: half a character is not valid text.
    int end = Character.isHighSurrogate(v.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
    return v.substring(0, end);
  }
}
