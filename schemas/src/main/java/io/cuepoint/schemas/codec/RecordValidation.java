package io.cuepoint.schemas.codec;

import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.regex.Pattern;

/**
 * The contract's rules beyond JSON types: required fields, ranges and lengths. Each check throws
 * a {@link RecordException} naming the first field that breaks a rule.
 */
public final class RecordValidation {
  public static final int MAX_ID_LENGTH = 256;
  public static final int MAX_URL_LENGTH = 2048;
  public static final int MAX_ITEMS = 500;
  public static final int MAX_MAP_ENTRIES = 64;
  public static final int MAX_MAP_KEY_LENGTH = 128;
  public static final int MAX_MAP_VALUE_LENGTH = 1024;
  /** 2000-01-01T00:00:00Z: anything earlier is a unit mistake (seconds for milliseconds). */
  public static final long MIN_EVENT_TIME = 946_684_800_000L;
  /** 2100-01-01T00:00:00Z: a fixed bound, so that validation gives the same answer in every replay. */
  public static final long MAX_EVENT_TIME = 4_102_444_800_000L;
  /** 31 days: longer than any live stream IVS keeps going. */
  public static final long MAX_POSITION_MS = 31L * 24 * 3600 * 1000;
  public static final long MAX_SEGMENT_DURATION_MS = 10 * 60 * 1000;
  public static final int MAX_MATCH_MINUTE = 200;
  public static final int MAX_GOALS = 999;

  private static final Pattern IVS_CHANNEL_ARN =
      Pattern.compile("arn:aws[a-z-]*:ivs:[a-z0-9-]+:[0-9]{12}:channel/[A-Za-z0-9]+");

  private RecordValidation() {}

  public static void validate(Object record) throws RecordException {
    if (record instanceof Detection) {
      detection((Detection) record);
    } else if (record instanceof MatchEvent) {
      matchEvent((MatchEvent) record);
    } else if (record instanceof ViewerEvent) {
      viewerEvent((ViewerEvent) record);
    } else if (record instanceof Segment) {
      segment((Segment) record);
    }
  }

  public static void segment(Segment s) throws RecordException {
    id("mediaId", s.mediaId);
    if (s.channelArn != null && !IVS_CHANNEL_ARN.matcher(s.channelArn).matches()) {
      throw new RecordException(
          "channelArn is not an IVS channel ARN (arn:aws:ivs:REGION:ACCOUNT:channel/ID)");
    }
    text("segmentUrl", s.segmentUrl, MAX_URL_LENGTH);
    range("sequence", s.sequence, 0, Long.MAX_VALUE);
    range("durationMs", s.durationMs, 1, MAX_SEGMENT_DURATION_MS);
    range("positionMs", s.positionMs, 0, MAX_POSITION_MS);
    eventTime(s.eventTime);
  }

  public static void detection(Detection d) throws RecordException {
    id("mediaId", d.mediaId);
    range("positionMs", d.positionMs, 0, MAX_POSITION_MS);
    eventTime(d.eventTime);
    text("source", d.source, 64);
    DetectionItem[] items = d.items;
    if (items == null) {
      throw new RecordException("items is missing");
    }
    if (items.length > MAX_ITEMS) {
      throw new RecordException("items has " + items.length + " entries (limit " + MAX_ITEMS + ")");
    }
    for (int i = 0; i < items.length; i++) {
      item(i, items[i]);
    }
  }

  /** Names the field ({@code items[i]...}) only when it has a problem: most items have none. */
  private static void item(int index, DetectionItem item) throws RecordException {
    if (item == null) {
      throw new RecordException("items[" + index + "] is null");
    }
    if (item.kind == null) {
      throw new RecordException("items[" + index + "].kind is missing");
    }
    failItem(index, ".name", textProblem(item.name, MAX_ID_LENGTH));
    failItem(index, ".confidence", fractionProblem(item.confidence, 100.0));
    BoundingBox box = item.box;
    if (box != null) {
      failItem(index, ".box.left", fractionProblem(box.left, 1.0));
      failItem(index, ".box.top", fractionProblem(box.top, 1.0));
      failItem(index, ".box.width", fractionProblem(box.width, 1.0));
      failItem(index, ".box.height", fractionProblem(box.height, 1.0));
      // Rekognition rounds, so allow a hair beyond the frame's edge.
      if (box.left + box.width > 1.001 || box.top + box.height > 1.001) {
        failItem(index, ".box", " reaches outside the frame");
      }
    }
  }

  private static void failItem(int index, String field, String problem) throws RecordException {
    if (problem != null) {
      throw new RecordException("items[" + index + "]" + field + problem);
    }
  }

  public static void matchEvent(MatchEvent e) throws RecordException {
    id("mediaId", e.mediaId);
    id("eventId", e.eventId);
    if (e.type == null) {
      throw new RecordException("type is missing");
    }
    eventTime(e.eventTime);
    if (e.matchMinute != null) {
      range("matchMinute", e.matchMinute.longValue(), 0, MAX_MATCH_MINUTE);
    }
    if (e.score != null) {
      range("score.home", e.score.home == null ? null : e.score.home.longValue(), 0, MAX_GOALS);
      range("score.away", e.score.away == null ? null : e.score.away.longValue(), 0, MAX_GOALS);
    }
    map("attributes", e.attributes);
  }

  public static void viewerEvent(ViewerEvent v) throws RecordException {
    id("viewerId", v.viewerId);
    id("mediaId", v.mediaId);
    if (v.type == null) {
      throw new RecordException("type is missing");
    }
    eventTime(v.eventTime);
    range("positionMs", v.positionMs, 0, MAX_POSITION_MS);
    map("profile", v.profile);
    if (v.itemId != null) {
      id("itemId", v.itemId);
    }
    if (v.type == ViewerEventType.INTERACTION) {
      if (v.interaction == null) {
        throw new RecordException("interaction is missing (required for INTERACTION events)");
      }
      id("itemId", v.itemId);
    }
  }

  private static void eventTime(Long t) throws RecordException {
    if (t == null) {
      throw new RecordException("eventTime is missing");
    }
    if (t < MIN_EVENT_TIME || t >= MAX_EVENT_TIME) {
      throw new RecordException(
          "eventTime " + t + " is not epoch milliseconds between 2000 and 2100");
    }
  }

  private static void id(String field, String value) throws RecordException {
    text(field, value, MAX_ID_LENGTH);
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new RecordException(field + " contains a control character");
      }
    }
  }

  private static void text(String field, String value, int maxLength) throws RecordException {
    fail(field, textProblem(value, maxLength));
  }

  /** What is wrong with a text, after its field's name; null when nothing is. */
  private static String textProblem(String value, int maxLength) {
    if (value == null) {
      return " is missing";
    }
    if (value.isBlank()) {
      return " is empty";
    }
    if (value.length() > maxLength) {
      return " is " + value.length() + " characters long (limit " + maxLength + ")";
    }
    return null;
  }

  private static void range(String field, Long value, long min, long max) throws RecordException {
    if (value == null) {
      throw new RecordException(field + " is missing");
    }
    if (value < min || value > max) {
      throw new RecordException(field + " " + value + " is outside " + min + ".." + max);
    }
  }

  /** What is wrong with a value between 0 and max, after its field's name; null when nothing is. */
  private static String fractionProblem(Double value, double max) {
    if (value == null) {
      return " is missing";
    }
    if (!(value >= 0.0 && value <= max)) {
      return " " + value + " is outside 0.." + (long) max;
    }
    return null;
  }

  private static void fail(String field, String problem) throws RecordException {
    if (problem != null) {
      throw new RecordException(field + problem);
    }
  }

  private static void map(String field, StringMap map) throws RecordException {
    if (map == null) {
      return;
    }
    if (map.size() > MAX_MAP_ENTRIES) {
      throw new RecordException(
          field + " has " + map.size() + " entries (limit " + MAX_MAP_ENTRIES + ")");
    }
    for (int i = 0; i < map.size(); i++) {
      String key = map.keys[i];
      if (key.isEmpty() || key.length() > MAX_MAP_KEY_LENGTH) {
        throw new RecordException(field + " has a key that is empty or too long");
      }
      if (map.values[i].length() > MAX_MAP_VALUE_LENGTH) {
        throw new RecordException(
            field + "." + key + " is longer than " + MAX_MAP_VALUE_LENGTH + " characters");
      }
    }
  }
}
