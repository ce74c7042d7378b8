package io.cuepoint.jobs.run;

import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small recording of one media ("final") with bad records in every input, ending with one
 * sentinel record per input ten minutes later. A live job's event time only moves on with its
 * input, so the sentinel is what closes the recording's last windows on Kinesis, as the end of
 * the files does in a replay.
 */
final class LiveRecording {
  static final long T0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();
  static final long SENTINEL_AT = T0 + 600_000;
  static final String MEDIA = "final";

  final Map<StreamName, List<String>> lines = new EnumMap<>(StreamName.class);

  LiveRecording() {
    for (int s = 0; s <= 40; s += 2) {
      String products = s >= 6 && s <= 20 ? ",{\"kind\":\"PRODUCT\",\"name\":\"p-1\",\"confidence\":" + (80 + s) + "}" : "";
      String celebrity = s == 10 ? ",{\"kind\":\"CELEBRITY\",\"name\":\"Player A\",\"confidence\":70}" : "";
      add(StreamName.DETECTIONS, detection(s * 1000L, "{\"kind\":\"LABEL\",\"name\":\"Soccer\",\"confidence\":" + (95 - s) + "}" + products + celebrity));
    }
    add(StreamName.DETECTIONS, detection(3_000, "{\"kind\":\"LABEL\",\"name\":\"Grass\",\"confidence\":77}"));
    add(StreamName.DETECTIONS, "this is not json");
    add(StreamName.DETECTIONS, detection(12_000, "{\"kind\":\"LABEL\",\"name\":\"Ball\",\"confidence\":250}"));
    add(StreamName.DETECTIONS, detection(0, "{\"kind\":\"LABEL\",\"name\":\"Too late\",\"confidence\":90}"));

    add(StreamName.MATCH_EVENTS, event("e0", "KICK_OFF", 0, 80, ""));
    add(StreamName.MATCH_EVENTS, event("g1", "GOAL", 4_000, 81, ",\"team\":\"HOME\",\"score\":{\"home\":1,\"away\":0}"));
    add(StreamName.MATCH_EVENTS, event("g2", "GOAL", 9_000, 82, ",\"team\":\"AWAY\",\"score\":{\"home\":1,\"away\":1}"));
    add(StreamName.MATCH_EVENTS, event("g2", "GOAL", 9_000, 82, ",\"team\":\"AWAY\",\"score\":{\"home\":1,\"away\":1}"));
    add(StreamName.MATCH_EVENTS, event("g3", "GOAL", 15_000, 83, ",\"team\":\"HOME\",\"score\":{\"home\":2,\"away\":1}"));
    add(StreamName.MATCH_EVENTS, event("r1", "RED_CARD", 22_000, 84, ",\"team\":\"AWAY\""));
    add(StreamName.MATCH_EVENTS, event("g4", "GOAL", 30_000, 86, ",\"team\":\"AWAY\",\"score\":{\"home\":2,\"away\":2}"));
    add(StreamName.MATCH_EVENTS, "{\"mediaId\":\"final\",\"eventId\":\"x\",\"type\":\"PENALTY\",\"eventTime\":" + T0 + "}");

    add(StreamName.SEGMENTS, "{\"mediaId\":\"final\"}");
    add(StreamName.SEGMENTS, "[\"not\",\"an\",\"object\"]");
    add(StreamName.VIEWER_EVENTS, "{\"viewerId\":\"v1\",\"mediaId\":\"final\",\"type\":\"INTERACTION\",\"eventTime\":" + T0 + ",\"positionMs\":0}");
    add(StreamName.VIEWER_EVENTS, "{\"viewerId\":\"v2\",");

    add(StreamName.DETECTIONS, detection(SENTINEL_AT - T0, "{\"kind\":\"LABEL\",\"name\":\"Sentinel\",\"confidence\":99}"));
    add(StreamName.MATCH_EVENTS, event("sentinel", "SOCIAL_POST", SENTINEL_AT - T0, 95, ""));
    add(StreamName.SEGMENTS, "{\"mediaId\":\"final\",\"segmentUrl\":\"https://example.com/s.ts\",\"sequence\":1,\"durationMs\":2000,\"positionMs\":" + (60_000 + SENTINEL_AT - T0) + ",\"eventTime\":" + SENTINEL_AT + "}");
    add(StreamName.VIEWER_EVENTS, "{\"viewerId\":\"v3\",\"mediaId\":\"final\",\"type\":\"HEARTBEAT\",\"eventTime\":" + SENTINEL_AT + ",\"positionMs\":" + (60_000 + SENTINEL_AT - T0) + "}");
  }

  private void add(StreamName stream, String line) {
    lines.computeIfAbsent(stream, s -> new ArrayList<>()).add(line);
  }

  Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<StreamName, List<String>> e : lines.entrySet()) {
      Files.write(dir.resolve(e.getKey().fileName()), e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static String detection(long offsetMs, String items) {
    return "{\"mediaId\":\"final\",\"positionMs\":" + (60_000 + offsetMs) + ",\"eventTime\":" + (T0 + offsetMs)
        + ",\"source\":\"rekognition\",\"items\":[" + items + "]}";
  }

  private static String event(String id, String type, long offsetMs, int minute, String more) {
    return "{\"mediaId\":\"final\",\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"eventTime\":" + (T0 + offsetMs)
        + ",\"matchMinute\":" + minute + more + "}";
  }
}
