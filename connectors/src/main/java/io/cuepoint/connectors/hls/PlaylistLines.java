package io.cuepoint.connectors.hls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The lines of a playlist's text, and what master and media playlists share in reading them. */
final class PlaylistLines {
  private PlaylistLines() {}

  /** The non-blank lines, trimmed, after checking the {@code #EXTM3U} header. */
  static List<String> of(String text) throws PlaylistException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r\n|\r|\n", -1)) {
      lines.add(line.trim());
    }
    if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
      String first = lines.isEmpty() ? "" : lines.get(0);
      throw new PlaylistException(
          "line 1: not an HLS playlist (expected #EXTM3U, got '" + shorten(first) + "')");
    }
    return lines;
  }

  /** A URI line resolved against the playlist's own URL. */
  static String resolve(URI playlist, String reference, int lineNumber) throws PlaylistException {
    try {
      return playlist.resolve(new URI(reference)).toString();
    } catch (URISyntaxException e) {
      throw new PlaylistException("line " + lineNumber + ": '" + shorten(reference) + "' is not a URI (" + e.getReason() + ")");
    }
  }

  /** The value after a tag's colon. */
  static String value(String line, String tag) {
    return line.substring(tag.length() + 1).trim();
  }

  static long integer(String text, String tag, int lineNumber) throws PlaylistException {
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new PlaylistException(
          "line " + lineNumber + ": " + tag + " '" + shorten(text) + "' is not a whole number");
    }
  }

  static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
