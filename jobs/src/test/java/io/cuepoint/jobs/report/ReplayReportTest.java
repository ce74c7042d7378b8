package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's aggregation, read back from the data the page is drawn from. */
class ReplayReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NONE = new String[0];

  @TempDir Path dir;

  @Test
  void aggregatesEveryStreamIntoTheMediaItBelongsTo() throws Exception {
    Path out = dir.resolve("out");
    Path in = dir.resolve("in");
    try (OutputFolder f = new OutputFolder(out, in)) {
      f.add(StreamName.SEGMENTS, OutputFolder.segment("final", 0));
      f.add(StreamName.SEGMENTS, OutputFolder.segment("final", 6000));
      // Windows every 5 s up to 2 min; p-1 is listed from 30 s to 45 s, p-2 at 100 s.
      for (long end = 5_000; end <= 120_000; end += 5_000) {
        String[] products = end >= 30_000 && end <= 45_000 ? new String[] {"p-1"} : end == 100_000 ? new String[] {"p-2"} : NONE;
        MediaContext w = OutputFolder.window("final", end, products, new String[] {"Soccer"});
        if (end == 120_000) {
          w.match = OutputFolder.snapshot(2, 1, MatchPhase.SECOND_HALF);
        }
        f.add(StreamName.MEDIA_CONTEXT, w);
      }
      f.add(StreamName.MEDIA_CONTEXT, OutputFolder.window("show", 5_000, new String[] {"p-9"}, NONE));
      f.add(StreamName.EVENTS_OF_INTEREST, OutputFolder.eventOfInterest("final", EventOfInterestType.RED_CARD, 70_000));
      f.add(StreamName.EVENTS_OF_INTEREST, OutputFolder.eventOfInterest("final", EventOfInterestType.GOAL_FLURRY, 50_000));
      MatchEvent goal = OutputFolder.matchEvent("final", "g1", MatchEventType.GOAL, 40_000);
      f.add(StreamName.MATCH_EVENTS, OutputFolder.matchEvent("final", "k0", MatchEventType.KICK_OFF, 1_000));
      f.add(StreamName.MATCH_EVENTS, goal);
      f.add(StreamName.MATCH_EVENTS, goal);
      for (int i = 0; i < 5; i++) {
        f.add(StreamName.MATCH_EVENTS, OutputFolder.matchEvent("final", "sp" + i, MatchEventType.SOCIAL_POST, 41_000 + i * 1000L));
      }
      f.add(StreamName.OVERLAYS, OutputFolder.overlay("final", OverlayAction.CLEAR, "p-1", 50_000, OverlayStatus.DRY_RUN));
      f.add(StreamName.OVERLAYS, OutputFolder.overlay("final", OverlayAction.SHOW, "p-1", 31_000, OverlayStatus.DRY_RUN));
      f.add(StreamName.OVERLAYS, OutputFolder.overlay("final", OverlayAction.SHOW, "p-2", 99_000, OverlayStatus.SENT));
      f.add(StreamName.VIEWER_ACTIONS, OutputFolder.viewerAction("final", "v1", 10_000, DecidedBy.LOCAL, "w-chat", "w-bet"));
      f.add(StreamName.VIEWER_ACTIONS, OutputFolder.viewerAction("final", "v2", 12_000, DecidedBy.LOCAL, "w-chat"));
      f.add(StreamName.VIEWER_ACTIONS, OutputFolder.viewerAction("final", "v1", 61_000, DecidedBy.PERSONALIZE, "w-bet", "w-chat"));
      f.raw(StreamName.VIEWER_ACTIONS, "{\"viewerId\": \"cut off");
      f.add(StreamName.DEAD_LETTERS, OutputFolder.deadLetter("detections", "positionMs is missing", "{}"));
      f.raw(StreamName.DETECTIONS, "{}");
      f.raw(StreamName.DETECTIONS, "  ");
    }

    JsonNode report = model(out, in);

    assertThat(streams(report))
        .containsExactly(
            "segments in 2", "detections in 1", "match-events in 8", "viewer-events in 0",
            "media-context out 25", "events-of-interest out 2", "overlays out 3",
            "viewer-actions out 3", "shoppable out 0", "dead-letters out 1");
    assertThat(report.at("/streams/7/unreadable").asLong()).isEqualTo(1);

    JsonNode m = media(report, "final");
    assertThat(m.get("channels").toString()).contains(OutputFolder.CHANNEL);
    assertThat(m.get("clock").asText()).isEqualTo("positions");
    assertThat(m.get("binMs").asLong()).isEqualTo(5_000);
    assertThat(m.get("windows").asLong()).isEqualTo(24);
    assertThat(m.at("/match/home").asInt()).isEqualTo(2);

    assertThat(m.get("matchEvents")).extracting(e -> e.get("type").asText() + "@" + e.get("t").asLong())
        .containsExactly("KICK_OFF@1000", "GOAL@40000");
    assertThat(m.get("matchDuplicates").asLong()).isEqualTo(1);
    assertThat(m.at("/matchEvents/1/record").asText()).contains("\"eventId\":\"g1\"");
    assertThat(m.get("eventsOfInterest")).extracting(e -> e.get("type").asText() + "@" + e.get("t").asLong())
        .containsExactly("GOAL_FLURRY@50000", "RED_CARD@70000");

    assertThat(m.at("/socialPosts/total").asLong()).isEqualTo(5);
    assertThat(sum(m.at("/socialPosts/bins"))).isEqualTo(5);
    assertThat(m.at("/socialPosts/bins/8").asLong()).as("posts at 41..44 s").isEqualTo(4);

    // p-1 listed by the windows ending 30..45 s: their middles are 22.5..37.5 s.
    JsonNode p1 = lane(m.get("products"), "p-1");
    assertThat(p1.get("windows").asLong()).isEqualTo(4);
    assertThat(p1.get("runs").toString()).isEqualTo("[[4,8,4,90.0]]");
    assertThat(m.get("products")).extracting(p -> p.get("name").asText()).containsExactly("p-1", "p-2");
    assertThat(lane(m.get("labels"), "Soccer").get("windows").asLong()).isEqualTo(24);

    JsonNode track = m.at("/overlays/0");
    assertThat(track.get("spansTotal").asInt()).isEqualTo(2);
    assertThat(track.at("/spans/0/from").asLong()).isEqualTo(31_000);
    assertThat(track.at("/spans/0/to").asLong()).isEqualTo(50_000);
    assertThat(track.at("/spans/1/open").asBoolean()).isTrue();
    assertThat(track.at("/spans/1/status").asText()).isEqualTo("SENT");

    JsonNode decisions = m.get("decisions");
    assertThat(decisions.get("total").asLong()).isEqualTo(3);
    assertThat(decisions.get("viewers").asLong()).isEqualTo(2);
    assertThat(decisions.get("offers").asLong()).isEqualTo(3);
    assertThat(series(decisions.get("byWidget"))).containsExactly("w-bet 1", "w-chat 2");
    assertThat(series(decisions.get("byRanker"))).containsExactly("LOCAL 2", "PERSONALIZE 1");
    assertThat(decisions.at("/byWidget/1/bins/2").asLong()).as("w-chat at 10 and 12 s").isEqualTo(2);

    assertThat(media(report, "show").get("products")).extracting(p -> p.get("name").asText()).containsExactly("p-9");
    assertThat(report.at("/overlays/byStatus").toString()).isEqualTo("{\"DRY_RUN\":2,\"SENT\":1}");
    assertThat(report.at("/deadLetters/total").asLong()).isEqualTo(1);
    assertThat(awsCalls(report)).contains("Amazon IVS 3", "Amazon Personalize 3", "Amazon Rekognition 0");
  }

  @Test
  void emptyOutputsWithoutARecordingStillMakeAPage() throws Exception {
    Path out = dir.resolve("empty");
    new OutputFolder(out, dir.resolve("unused")).close();

    JsonNode report = model(out, null);

    assertThat(report.get("media")).isEmpty();
    assertThat(report.has("input")).isFalse();
    assertThat(streams(report)).containsExactly(
        "media-context out 0", "events-of-interest out 0", "overlays out 0",
        "viewer-actions out 0", "shoppable out 0", "dead-letters out 0");
    Path page = ReplayReport.write(out, null);
    assertThat(page).isEqualTo(out.resolve("report.html"));
    assertThat(embeddedData(Files.readString(page))).isEqualTo(JSON.readTree(report.toString()));
  }

  @Test
  void withoutSegmentsOrWindowsAMediaStartsAtItsEarliestEvent() throws Exception {
    Path out = dir.resolve("out");
    Path in = dir.resolve("in");
    try (OutputFolder f = new OutputFolder(out, in)) {
      f.add(StreamName.MATCH_EVENTS, OutputFolder.matchEvent("radio", "k0", MatchEventType.KICK_OFF, 600_000));
      f.add(StreamName.EVENTS_OF_INTEREST, OutputFolder.eventOfInterest("radio", EventOfInterestType.RED_CARD, 660_000));
    }

    JsonNode m = media(model(out, in), "radio");

    assertThat(m.get("clock").asText()).isEqualTo("earliest-event");
    assertThat(m.at("/matchEvents/0/t").asLong()).isZero();
    assertThat(m.at("/eventsOfInterest/0/t").asLong()).isEqualTo(60_000);
  }

  @Test
  void thePageIsOneFileThatFetchesNothingAndRecordsCannotBreakOutOfItsScript() throws Exception {
    Path out = dir.resolve("out");
    String hostile = "</script><script>alert(1)</script><!-- \u2028";
    try (OutputFolder f = new OutputFolder(out, dir.resolve("in"))) {
      f.add(StreamName.DEAD_LETTERS, OutputFolder.deadLetter("detections", hostile, hostile));
      f.add(StreamName.EVENTS_OF_INTEREST, OutputFolder.eventOfInterest(hostile, EventOfInterestType.RED_CARD, 1_000));
    }

    String html = Files.readString(ReplayReport.write(out, null), StandardCharsets.UTF_8);

    assertThat(count(html, "</script>")).isEqualTo(2);
    assertThat(html).doesNotContain("alert(1)</script>");
    assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe)\\b");
    assertThat(html).doesNotContainPattern("(?i)\\bsrc\\s*=");
    assertThat(html).doesNotContainPattern("(?i)(fetch\\(|XMLHttpRequest|@import|url\\()");
    JsonNode data = embeddedData(html);
    assertThat(data.at("/deadLetters/reasons/0/example").asText()).isEqualTo(hostile);
    assertThat(data.at("/media/0/mediaId").asText()).isEqualTo(hostile);
  }

  @Test
  void beyondTheLimitOverlaySpansStartingInOneBinAreDrawnAsOne() throws Exception {
    Path out = dir.resolve("out");
    int spans = MediaModel.MAX_SPANS + 100;
    try (OutputFolder f = new OutputFolder(out, dir.resolve("in"))) {
      for (int i = 0; i < spans; i++) {
        long at = i * 6_000L;
        f.add(StreamName.OVERLAYS, OutputFolder.overlay("final", OverlayAction.SHOW, "p-" + i, at, OverlayStatus.DRY_RUN));
        f.add(StreamName.OVERLAYS, OutputFolder.overlay("final", OverlayAction.CLEAR, "p-" + i, at + 4_000, OverlayStatus.DRY_RUN));
      }
    }

    JsonNode m = media(model(out, null), "final");
    JsonNode track = m.at("/overlays/0");

    assertThat(track.get("spansTotal").asInt()).isEqualTo(spans);
    assertThat(track.get("spans").size()).isLessThanOrEqualTo(m.get("bins").asInt());
    long drawn = 0;
    for (JsonNode span : track.get("spans")) {
      drawn += span.get("count").asLong();
      assertThat(span.get("to").asLong()).isGreaterThan(span.get("from").asLong());
    }
    assertThat(drawn).isEqualTo(spans);
  }

  static JsonNode model(Path out, Path in) throws IOException {
    return ReportModel.of(ReportData.collect(out, in));
  }

  static JsonNode embeddedData(String html) throws IOException {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("the page holds its data").isTrue();
    return JSON.readTree(m.group(1));
  }

  static JsonNode media(JsonNode report, String id) {
    for (JsonNode m : report.get("media")) {
      if (m.get("mediaId").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError("no media " + id + " in " + report.get("media"));
  }

  private static JsonNode lane(JsonNode lanes, String name) {
    for (JsonNode l : lanes) {
      if (l.get("name").asText().equals(name)) {
        return l;
      }
    }
    throw new AssertionError("no lane " + name + " in " + lanes);
  }

  private static List<String> streams(JsonNode report) {
    List<String> rows = new ArrayList<>();
    report.get("streams").forEach(s -> rows.add(s.get("stream").asText() + " " + s.get("direction").asText() + " " + s.get("records").asLong()));
    return rows;
  }

  private static List<String> series(JsonNode series) {
    List<String> rows = new ArrayList<>();
    series.forEach(s -> rows.add(s.get("name").asText() + " " + s.get("total").asLong()));
    return rows;
  }

  private static List<String> awsCalls(JsonNode report) {
    List<String> rows = new ArrayList<>();
    report.get("awsCalls").forEach(c -> rows.add(c.get("service").asText() + " " + c.get("calls").asLong()));
    return rows;
  }

  private static long sum(JsonNode values) {
    long total = 0;
    for (JsonNode v : values) {
      total += v.asLong();
    }
    return total;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
