package io.cuepoint.connectors.hls;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HLS master (multivariant) playlist: the variant streams it offers. Which one is followed:
 * among the variants with video (by {@code CODECS}), those no taller than a limit (1080 lines by
 * default: enough for detection, and decoding more costs time for nothing), the one with the
 * highest {@code BANDWIDTH}; when every variant is taller, the shortest one. Variants without a
 * {@code RESOLUTION} count as fitting.
 */
public final class MasterPlaylist {
  public final List<Variant> variants;

  private MasterPlaylist(List<Variant> variants) {
    this.variants = Collections.unmodifiableList(variants);
  }

  /** Whether the text is a master playlist (has {@code #EXT-X-STREAM-INF}) rather than a media one. */
  public static boolean isMaster(String text) {
    return text.contains("#EXT-X-STREAM-INF");
  }

  public static MasterPlaylist parse(String text, URI playlistUrl) throws PlaylistException {
    List<String> lines = PlaylistLines.of(text);
    List<Variant> variants = new ArrayList<>();
    Map<String, String> pending = null;
    int pendingLine = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int n = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#EXT-X-STREAM-INF:")) {
        pending = AttributeList.parse(PlaylistLines.value(line, "#EXT-X-STREAM-INF"), n);
        pendingLine = n;
      } else if (line.startsWith("#EXTINF")) {
        throw new PlaylistException("line " + n + ": #EXTINF in a master playlist");
      } else if (!line.startsWith("#") && pending != null) {
        variants.add(variant(pending, PlaylistLines.resolve(playlistUrl, line, n), pendingLine));
        pending = null;
      }
    }
    if (pending != null) {
      throw new PlaylistException("line " + pendingLine + ": #EXT-X-STREAM-INF without a URI after it");
    }
    if (variants.isEmpty()) {
      throw new PlaylistException("a master playlist without variants");
    }
    return new MasterPlaylist(variants);
  }

  /** The variant to follow (see the class comment), or empty when none has video. */
  public Optional<Variant> choose(int maxHeight) {
    Variant best = null;
    Variant shortest = null;
    for (Variant v : variants) {
      if (!v.hasVideo()) {
        continue;
      }
      if (v.height <= maxHeight) {
        if (best == null || v.bandwidth > best.bandwidth) {
          best = v;
        }
      } else if (shortest == null || v.height < shortest.height
          || (v.height == shortest.height && v.bandwidth > shortest.bandwidth)) {
        shortest = v;
      }
    }
    return Optional.ofNullable(best != null ? best : shortest);
  }

  private static Variant variant(Map<String, String> attributes, String url, int lineNumber) throws PlaylistException {
    String bandwidth = attributes.get("BANDWIDTH");
    if (bandwidth == null) {
      throw new PlaylistException("line " + lineNumber + ": #EXT-X-STREAM-INF without BANDWIDTH");
    }
    long bits = PlaylistLines.integer(bandwidth, "BANDWIDTH", lineNumber);
    int width = 0;
    int height = 0;
    String resolution = attributes.get("RESOLUTION");
    if (resolution != null) {
      String[] parts = resolution.split("x");
      if (parts.length != 2) {
        throw new PlaylistException("line " + lineNumber + ": RESOLUTION '" + resolution + "' is not WIDTHxHEIGHT");
      }
      width = (int) PlaylistLines.integer(parts[0], "RESOLUTION", lineNumber);
      height = (int) PlaylistLines.integer(parts[1], "RESOLUTION", lineNumber);
    }
    return new Variant(url, bits, width, height, attributes.getOrDefault("CODECS", ""));
  }
}
