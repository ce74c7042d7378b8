package io.cuepoint.connectors.hls;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An HLS media playlist (RFC 8216): its target duration, first media sequence number, segments
 * and whether it has ended. Reads {@code #EXTM3U}, {@code #EXT-X-TARGETDURATION}, {@code
 * #EXT-X-MEDIA-SEQUENCE}, {@code #EXTINF}, {@code #EXT-X-PROGRAM-DATE-TIME}, {@code
 * #EXT-X-DISCONTINUITY} and {@code #EXT-X-ENDLIST}; other tags are ignored, except byte ranges
 * (segments that are parts of one file), which are refused rather than fetched whole.
 */
public final class MediaPlaylist {
  /**
   * ISO-8601 with an offset, which encoders write as {@code Z}, {@code +00:00} or {@code +0000},
   * with or without fractions of a second.
   */
  private static final DateTimeFormatter PROGRAM_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  public final long targetDurationMs;
  public final long mediaSequence;
  public final boolean endList;
  public final List<PlaylistSegment> segments;

  private MediaPlaylist(long targetDurationMs, long mediaSequence, boolean endList, List<PlaylistSegment> segments) {
    this.targetDurationMs = targetDurationMs;
    this.mediaSequence = mediaSequence;
    this.endList = endList;
    this.segments = Collections.unmodifiableList(segments);
  }

  /** Sequence number of the last segment, or one before the first when there is none. */
  public long lastSequence() {
    return mediaSequence + segments.size() - 1;
  }

  /**
   * @param playlistUrl where the text came from; segment URIs are resolved against it
   */
  public static MediaPlaylist parse(String text, URI playlistUrl) throws PlaylistException {
    List<String> lines = PlaylistLines.of(text);
    Long targetSeconds = null;
    long mediaSequence = 0;
    boolean endList = false;
    List<PlaylistSegment> segments = new ArrayList<>();
    Long pendingDurationMs = null;
    int pendingLine = 0;
    Long pendingDateTime = null;
    boolean pendingDiscontinuity = false;
    Long nextDateTime = null;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int n = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#EXT-X-STREAM-INF")) {
        throw new PlaylistException("line " + n + ": #EXT-X-STREAM-INF: a master playlist, not a media playlist");
      } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
        targetSeconds = PlaylistLines.integer(PlaylistLines.value(line, "#EXT-X-TARGETDURATION"), "#EXT-X-TARGETDURATION", n);
        if (targetSeconds == 0) {
          throw new PlaylistException("line " + n + ": #EXT-X-TARGETDURATION must be at least 1");
        }
      } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
        if (!segments.isEmpty() || pendingDurationMs != null) {
          throw new PlaylistException("line " + n + ": #EXT-X-MEDIA-SEQUENCE after the first segment");
        }
        mediaSequence = PlaylistLines.integer(PlaylistLines.value(line, "#EXT-X-MEDIA-SEQUENCE"), "#EXT-X-MEDIA-SEQUENCE", n);
      } else if (line.startsWith("#EXTINF:")) {
        pendingDurationMs = durationMs(PlaylistLines.value(line, "#EXTINF"), n);
        pendingLine = n;
      } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
        pendingDateTime = dateTime(PlaylistLines.value(line, "#EXT-X-PROGRAM-DATE-TIME"), n);
      } else if (line.equals("#EXT-X-DISCONTINUITY")) {
        pendingDiscontinuity = true;
      } else if (line.equals("#EXT-X-ENDLIST")) {
        endList = true;
      } else if (line.startsWith("#EXT-X-BYTERANGE")) {
        throw new PlaylistException("line " + n + ": #EXT-X-BYTERANGE segments are not supported");
      } else if (!line.startsWith("#")) {
        if (pendingDurationMs == null) {
          throw new PlaylistException("line " + n + ": segment URI '" + PlaylistLines.shorten(line) + "' without #EXTINF");
        }
        Long dateTime = pendingDateTime != null ? pendingDateTime : nextDateTime;
        segments.add(
            new PlaylistSegment(
                mediaSequence + segments.size(),
                pendingDurationMs,
                PlaylistLines.resolve(playlistUrl, line, n),
                dateTime,
                pendingDiscontinuity));
        nextDateTime = dateTime == null ? null : dateTime + pendingDurationMs;
        pendingDurationMs = null;
        pendingDateTime = null;
        pendingDiscontinuity = false;
      }
    }
    if (pendingDurationMs != null) {
      throw new PlaylistException("line " + pendingLine + ": #EXTINF without a segment URI after it");
    }
    if (targetSeconds == null) {
      throw new PlaylistException("no #EXT-X-TARGETDURATION (a media playlist must have one)");
    }
    return new MediaPlaylist(targetSeconds * 1000, mediaSequence, endList, segments);
  }

  private static long durationMs(String value, int lineNumber) throws PlaylistException {
    int comma = value.indexOf(',');
    String number = (comma >= 0 ? value.substring(0, comma) : value).trim();
    double seconds;
    try {
      seconds = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0 && seconds < 86_400)) {
      throw new PlaylistException(
          "line " + lineNumber + ": #EXTINF duration '" + PlaylistLines.shorten(number) + "' is not a positive number of seconds");
    }
    return Math.max(1, Math.round(seconds * 1000));
  }

  private static long dateTime(String value, int lineNumber) throws PlaylistException {
    try {
      return OffsetDateTime.parse(value, PROGRAM_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new PlaylistException(
          "line " + lineNumber + ": #EXT-X-PROGRAM-DATE-TIME '" + PlaylistLines.shorten(value)
              + "' is not a date-time with an offset (2026-05-30T19:00:00.000Z)");
    }
  }
}
