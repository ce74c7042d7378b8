package io.cuepoint.connectors.hls;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HLS attribute list: {@code NAME=value,NAME="quoted, value",...}. */
final class AttributeList {
  private AttributeList() {}

  static Map<String, String> parse(String text, int lineNumber) throws PlaylistException {
    Map<String, String> attributes = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        throw new PlaylistException("line " + lineNumber + ": attribute without a value in '" + PlaylistLines.shorten(text) + "'");
      }
      String name = text.substring(i, eq).trim();
      int end;
      String value;
      if (eq + 1 < text.length() && text.charAt(eq + 1) == '"') {
        int close = text.indexOf('"', eq + 2);
        if (close < 0) {
          throw new PlaylistException("line " + lineNumber + ": unterminated quoted value of " + name);
        }
        value = text.substring(eq + 2, close);
        end = text.indexOf(',', close);
      } else {
        end = text.indexOf(',', eq);
        value = text.substring(eq + 1, end < 0 ? text.length() : end).trim();
      }
      attributes.put(name, value);
      i = end < 0 ? text.length() : end + 1;
    }
    return attributes;
  }
}
