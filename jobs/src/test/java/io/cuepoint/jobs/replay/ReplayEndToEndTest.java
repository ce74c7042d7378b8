package io.cuepoint.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.Team;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays small recordings on a MiniCluster and reads back what the job wrote. */
class ReplayEndToEndTest {
  static final long T0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();
  /** The stream started a minute before T0: position = eventTime - T0 + 60 s. */
  static final long POSITION_AT_T0 = 60_000;

  @TempDir static Path dir;
  static Path recording;

  @BeforeAll
  static void writeRecording() throws IOException {
    Recording r = new Recording();
    for (int s = 0; s <= 28; s += 4) {
      List<DetectionItem> items = new ArrayList<>();
      items.add(item(ItemKind.LABEL, "Soccer", 90 - s / 4));
      items.add(item(ItemKind.LABEL, "Grass", 40));
      if (s >= 4 && s <= 12) {
        items.add(item(ItemKind.PRODUCT, "p-1", 85 + s / 4));
      }
      if (s == 8) {
        items.add(item(ItemKind.CELEBRITY, "Player A", 70));
      }
      r.add(StreamName.DETECTIONS, detection(s * 1000L, items));
    }
    r.add(StreamName.MATCH_EVENTS, matchEvent("e0", MatchEventType.KICK_OFF, 0, 0, null, null));
    r.add(StreamName.MATCH_EVENTS, matchEvent("g1", MatchEventType.GOAL, 2_000, 80, Team.HOME, score(1, 0)));
    MatchEvent g2 = matchEvent("g2", MatchEventType.GOAL, 6_000, 81, Team.AWAY, score(1, 1));
    r.add(StreamName.MATCH_EVENTS, g2);
    r.add(StreamName.MATCH_EVENTS, g2);
    r.add(StreamName.MATCH_EVENTS, matchEvent("g3", MatchEventType.GOAL, 11_000, 82, Team.HOME, score(2, 1)));
    r.add(StreamName.MATCH_EVENTS, matchEvent("r1", MatchEventType.RED_CARD, 20_000, 84, Team.AWAY, null));
    recording = r.writeTo(dir.resolve("recording"));
  }

  @Test
  void writesMediaContextWindowsFieldByField() throws Exception {
    Path out = dir.resolve("out-fields");
    ReplaySummary summary = ReplayRunner.run(recording, out, CuepointConfig.defaults(), null, false);

    List<MediaContext> contexts = read(out, StreamName.MEDIA_CONTEXT, MediaContext.class);
    // Detections at 0..28 s; 15 s windows every 5 s: ends at 5, 10, ..., 40 s.
    assertThat(contexts).extracting(c -> c.eventTime - T0)
        .containsExactly(5_000L, 10_000L, 15_000L, 20_000L, 25_000L, 30_000L, 35_000L, 40_000L);

    MediaContext first15 = contexts.get(2);
    assertThat(first15.id).isEqualTo("final:" + (T0 + 15_000));
    assertThat(first15.mediaId).isEqualTo("final");
    assertThat(first15.positionMs).isEqualTo(POSITION_AT_T0 + 15_000);
    assertThat(first15.windowEndMs).isEqualTo(POSITION_AT_T0 + 15_000);
    assertThat(first15.windowStartMs).isEqualTo(POSITION_AT_T0);
    assertThat(first15.labels).containsExactly(contextItem("Soccer", 90, 4));
    assertThat(first15.products).containsExactly(contextItem("p-1", 88, 3));
    assertThat(first15.celebrities).containsExactly(contextItem("Player A", 70, 1));
    assertThat(first15.match.minute).isEqualTo(82);
    assertThat(first15.match.home).isEqualTo(2);
    assertThat(first15.match.away).isEqualTo(1);
    assertThat(first15.match.phase).isEqualTo(MatchPhase.FIRST_HALF);
    assertThat(first15.eventsOfInterest).extracting(e -> e.type)
        .containsExactly(EventOfInterestType.GOAL_FLURRY);

    List<EventOfInterest> events = read(out, StreamName.EVENTS_OF_INTEREST, EventOfInterest.class);
    assertThat(events).extracting(e -> e.type)
        .containsExactlyInAnyOrder(EventOfInterestType.GOAL_FLURRY, EventOfInterestType.RED_CARD);
    EventOfInterest flurry =
        events.stream().filter(e -> e.type == EventOfInterestType.GOAL_FLURRY).findFirst().get();
    assertThat(flurry.evidence).containsExactly("g1", "g2", "g3");
    assertThat(flurry.eventTime).isEqualTo(T0 + 11_000);
    assertThat(flurry.matchMinute).isEqualTo(82);
    assertThat(flurry.attributes.get("goals")).isEqualTo("3");

    assertThat(summary.read(StreamName.DETECTIONS)).isEqualTo(8);
    assertThat(summary.read(StreamName.MATCH_EVENTS)).isEqualTo(6);
    assertThat(summary.written(StreamName.MEDIA_CONTEXT)).isEqualTo(8);
    assertThat(summary.written(StreamName.DEAD_LETTERS)).isZero();
    for (StreamName s : StreamName.values()) {
      if (!s.isInput()) {
        assertThat(out.resolve(s.fileName())).exists();
      }
    }
  }

  @Test
  void sameRecordingGivesTheSameOutputsTwiceAndAtAnyParallelism() throws Exception {
    Path messy = messyRecording(dir.resolve("messy"));
    CuepointConfig p2 = CuepointConfig.of(Collections.emptyMap(), Map.of("Job.parallelism", "2"));
    CuepointConfig p1 = CuepointConfig.of(Collections.emptyMap(), Map.of("Job.parallelism", "1"));
    Path a = dir.resolve("run-a");
    Path b = dir.resolve("run-b");
    Path c = dir.resolve("run-c");
    ReplayRunner.run(messy, a, p2, null, false);
    ReplayRunner.run(messy, b, p2, null, false);
    ReplayRunner.run(messy, c, p1, null, false);
    for (StreamName s : StreamName.values()) {
      if (!s.isInput()) {
        assertThat(sortedLines(b, s)).as(s.id()).isEqualTo(sortedLines(a, s));
        assertThat(sortedLines(c, s)).as(s.id()).isEqualTo(sortedLines(a, s));
      }
    }
    assertThat(sortedLines(a, StreamName.MEDIA_CONTEXT)).isNotEmpty();
  }

  @Test
  void brokenLinesGoToDeadLettersAndGoodLinesAreProcessed() throws Exception {
    Recording r = new Recording();
    List<String> broken = new ArrayList<>();
    broken.add("this is not json");
    broken.add("{\"mediaId\":\"final\",\"positionMs\":\"soon\",\"eventTime\":" + T0 + ",\"source\":\"x\",\"items\":[]}");
    broken.add("{\"mediaId\":\"final\",\"eventTime\":" + T0 + ",\"source\":\"x\",\"items\":[]}");
    broken.add("{\"mediaId\":\"final\",\"positionMs\":0,\"eventTime\":" + T0 + ",\"source\":\"x\",\"items\":"
        + "[{\"kind\":\"LABEL\",\"name\":\"Ball\",\"confidence\":250}]}");
    broken.add("{\"mediaId\":\"final\",\"positionMs\":0,\"eventTime\":1780167600,\"source\":\"x\",\"items\":[]}");
    broken.add("{\"big\":\"" + "x".repeat(1024 * 1024) + "\"}");
    broken.add("[1,2,3]");
    for (int s = 0; s < 20; s += 4) {
      r.add(StreamName.DETECTIONS, detection(s * 1000L, List.of(item(ItemKind.LABEL, "Soccer", 90))));
      r.raw(StreamName.DETECTIONS, broken.get(s / 4));
    }
    r.raw(StreamName.DETECTIONS, broken.get(5));
    r.raw(StreamName.DETECTIONS, broken.get(6));
    r.raw(StreamName.MATCH_EVENTS, "{\"mediaId\":\"final\",\"eventId\":\"x\",\"type\":\"PENALTY\",\"eventTime\":" + T0 + "}");
    r.raw(StreamName.VIEWER_EVENTS, "{\"viewerId\":\"v1\",\"mediaId\":\"final\",\"type\":\"INTERACTION\",\"eventTime\":" + T0 + ",\"positionMs\":0}");
    r.raw(StreamName.SEGMENTS, "{\"mediaId\":\"final\"}");
    Path in = r.writeTo(dir.resolve("broken"));
    Path out = dir.resolve("out-broken");

    ReplaySummary summary = ReplayRunner.run(in, out, CuepointConfig.defaults(), null, false);

    List<DeadLetter> dead = read(out, StreamName.DEAD_LETTERS, DeadLetter.class);
    assertThat(dead).hasSize(broken.size() + 3);
    assertThat(dead).allSatisfy(d -> {
      assertThat(d.error).isNotBlank();
      assertThat(d.raw.length()).isLessThan(5000);
      assertThat(d.receivedAt).isPositive();
    });
    Map<String, List<String>> errorsByInput = dead.stream()
        .collect(Collectors.groupingBy(d -> d.input, Collectors.mapping(d -> d.error, Collectors.toList())));
    assertThat(errorsByInput.get("detections")).hasSize(broken.size());
    assertThat(errorsByInput.get("detections")).anySatisfy(e -> assertThat(e).startsWith("not valid JSON"));
    assertThat(errorsByInput.get("detections")).anySatisfy(e -> assertThat(e).contains("positionMs"));
    assertThat(errorsByInput.get("detections")).anySatisfy(e -> assertThat(e).contains("confidence"));
    assertThat(errorsByInput.get("detections")).anySatisfy(e -> assertThat(e).contains("eventTime"));
    assertThat(errorsByInput.get("detections")).anySatisfy(e -> assertThat(e).contains("too large"));
    assertThat(errorsByInput.get("match-events")).singleElement().asString().contains("type");
    assertThat(errorsByInput.get("viewer-events")).singleElement().asString().contains("interaction");
    assertThat(errorsByInput.get("segments")).hasSize(1);
    assertThat(summary.read(StreamName.DETECTIONS)).isEqualTo(5 + broken.size());
    assertThat(summary.rejected(StreamName.DETECTIONS)).isEqualTo(broken.size());
    // The five good detections (0..16 s) still make their windows: ends 5..30 s.
    assertThat(read(out, StreamName.MEDIA_CONTEXT, MediaContext.class)).hasSize(6);
  }

  /** Out of order within the bound, duplicates, and a record far behind the watermark. */
  static Path messyRecording(Path at) throws IOException {
    Recording r = new Recording();
    long[] order = {0, 4, 2, 8, 6, 12, 10, 20, 16, 14, 30, 28, 26, 1};
    for (long s : order) {
      r.add(StreamName.DETECTIONS, detection(s * 1000L,
          List.of(item(ItemKind.LABEL, "Soccer", 60 + s), item(ItemKind.PRODUCT, "p-" + (s % 3), 81))));
    }
    r.add(StreamName.MATCH_EVENTS, matchEvent("g1", MatchEventType.GOAL, 3_000, 86, Team.HOME, score(1, 0)));
    r.add(StreamName.MATCH_EVENTS, matchEvent("g2", MatchEventType.GOAL, 1_000, 86, Team.AWAY, score(1, 1)));
    r.add(StreamName.MATCH_EVENTS, matchEvent("g2", MatchEventType.GOAL, 1_000, 86, Team.AWAY, score(1, 1)));
    r.add(StreamName.MATCH_EVENTS, matchEvent("g3", MatchEventType.GOAL, 9_000, 87, Team.HOME, score(2, 1)));
    r.add(StreamName.MATCH_EVENTS, matchEvent("g4", MatchEventType.GOAL, 25_000, 88, Team.AWAY, score(2, 2)));
    return r.writeTo(at);
  }

  static List<String> sortedLines(Path out, StreamName s) throws IOException {
    return Files.readAllLines(out.resolve(s.fileName())).stream()
        .map(line -> s == StreamName.DEAD_LETTERS ? line.replaceAll("\"receivedAt\":\\d+", "") : line)
        .sorted()
        .collect(Collectors.toList());
  }

  static <T> List<T> read(Path out, StreamName s, Class<T> type) throws Exception {
    List<T> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(s.fileName()))) {
      records.add(RecordCodec.decode(line, type));
    }
    if (type == MediaContext.class) {
      records.sort((x, y) -> Long.compare(((MediaContext) x).eventTime, ((MediaContext) y).eventTime));
    }
    return records;
  }

  static Detection detection(long offsetMs, List<DetectionItem> items) {
    Detection d = new Detection();
    d.mediaId = "final";
    d.eventTime = T0 + offsetMs;
    d.positionMs = POSITION_AT_T0 + offsetMs;
    d.source = "rekognition";
    d.items = items.toArray(new DetectionItem[0]);
    return d;
  }

  static DetectionItem item(ItemKind kind, String name, double confidence) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    return i;
  }

  static MatchEvent matchEvent(String id, MatchEventType type, long offsetMs, int minute, Team team, Score score) {
    MatchEvent e = new MatchEvent();
    e.mediaId = "final";
    e.eventId = id;
    e.type = type;
    e.eventTime = T0 + offsetMs;
    e.matchMinute = minute;
    e.team = team;
    e.score = score;
    return e;
  }

  static Score score(int home, int away) {
    Score s = new Score();
    s.home = home;
    s.away = away;
    return s;
  }

  static ContextItem contextItem(String name, double confidence, int frames) {
    ContextItem c = new ContextItem();
    c.name = name;
    c.confidence = confidence;
    c.frames = frames;
    return c;
  }
}
