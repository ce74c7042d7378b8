package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-hour event with 1,000 viewers: the page stays the same size as a short one, because it
 * holds bins and runs, not records. Sizes are checked, not times.
 */
class ReportScaleTest {
  static final long HOURS_3 = 3 * 3600_000L;
  static final int VIEWERS = 1_000;
  static final long DECISION_EVERY_MS = 180_000;
  static final String[] WIDGETS = {"w-bet", "w-chat", "w-food", "w-poll", "w-trivia", "w-stats", "w-shop"};

  @TempDir Path dir;

  @Test
  void aThreeHourEventWithAThousandViewersMakesASmallPage() throws Exception {
    Path out = dir.resolve("out");
    Path in = dir.resolve("in");
    long decisions = write(out, in);

    Path page = ReplayReport.write(out, in);
    JsonNode report = ReplayReportTest.embeddedData(Files.readString(page));

    assertThat(Files.size(page)).isLessThan(1_500_000);
    JsonNode m = ReplayReportTest.media(report, "long");
    int bins = m.get("bins").asInt();
    assertThat(bins).isLessThanOrEqualTo(DisplayScale.MAX_BINS);
    assertThat(m.get("binMs").asLong() * bins).isGreaterThanOrEqualTo(HOURS_3);
    assertThat(m.get("products").size()).isEqualTo(MediaModel.MAX_PRODUCT_LANES);
    assertThat(m.get("productsTotal").asInt()).isEqualTo(60);
    assertThat(m.get("labels").size()).isEqualTo(MediaModel.TOP_LABELS);
    for (JsonNode lane : m.get("products")) {
      assertThat(lane.get("runs").size()).isLessThanOrEqualTo(bins / 2 + 1);
    }
    assertThat(m.at("/decisions/total").asLong()).isEqualTo(decisions);
    assertThat(m.at("/decisions/viewers").asLong()).isEqualTo(VIEWERS);
    long perWidget = 0;
    for (JsonNode s : m.at("/decisions/byWidget")) {
      assertThat(s.get("bins").size()).isEqualTo(bins);
      perWidget += s.get("total").asLong();
    }
    assertThat(perWidget).isEqualTo(decisions);
    assertThat(m.at("/socialPosts/total").asLong()).isEqualTo(HOURS_3 / 2_000);
    assertThat(m.at("/overlays/0/spansTotal").asInt()).isEqualTo((int) (HOURS_3 / 60_000));
  }

  /** @return the viewer decisions written */
  static long write(Path out, Path in) throws Exception {
    long decisions = 0;
    try (OutputFolder f = new OutputFolder(out, in)) {
      for (long p = 0; p < HOURS_3; p += 6_000) {
        f.add(StreamName.SEGMENTS, OutputFolder.segment("long", p));
      }
      for (long end = 5_000; end <= HOURS_3; end += 5_000) {
        int slot = (int) (end / 60_000);
        String[] products = {"p-" + slot % 60, "p-" + (slot + 7) % 60};
        String[] labels = new String[20];
        for (int i = 0; i < labels.length; i++) {
          labels[i] = "label-" + (i + slot) % 40;
        }
        f.add(StreamName.MEDIA_CONTEXT, OutputFolder.window("long", end, products, labels));
      }
      for (long t = 0; t < HOURS_3; t += 2_000) {
        f.add(StreamName.MATCH_EVENTS, OutputFolder.matchEvent("long", "sp-" + t, MatchEventType.SOCIAL_POST, t));
      }
      for (long t = 300_000; t < HOURS_3; t += 360_000) {
        f.add(StreamName.MATCH_EVENTS, OutputFolder.matchEvent("long", "ev-" + t, MatchEventType.YELLOW_CARD, t));
        f.add(StreamName.EVENTS_OF_INTEREST, OutputFolder.eventOfInterest("long", EventOfInterestType.SOCIAL_SURGE, t + 30_000));
      }
      for (long t = 0; t < HOURS_3; t += 60_000) {
        String product = "p-" + (t / 60_000) % 60;
        f.add(StreamName.OVERLAYS, OutputFolder.overlay("long", OverlayAction.SHOW, product, t, OverlayStatus.DRY_RUN));
        f.add(StreamName.OVERLAYS, OutputFolder.overlay("long", OverlayAction.RESEND, product, t + 15_000, OverlayStatus.DRY_RUN));
        f.add(StreamName.OVERLAYS, OutputFolder.overlay("long", OverlayAction.CLEAR, product, t + 40_000, OverlayStatus.DRY_RUN));
      }
      for (int v = 0; v < VIEWERS; v++) {
        for (long p = v * 97L % DECISION_EVERY_MS; p < HOURS_3; p += DECISION_EVERY_MS) {
          DecidedBy by = (p / DECISION_EVERY_MS + v) % 4 == 0 ? DecidedBy.PERSONALIZE : DecidedBy.LOCAL;
          String top = WIDGETS[(int) ((p / DECISION_EVERY_MS + v) % WIDGETS.length)];
          f.add(StreamName.VIEWER_ACTIONS, OutputFolder.viewerAction("long", "viewer-" + v, p, by, top, "w-chat"));
          decisions++;
        }
      }
      for (int i = 0; i < 500; i++) {
        f.add(StreamName.DEAD_LETTERS, OutputFolder.deadLetter("detections", "items[" + i + "].confidence " + i + " is outside 0..100", "{}"));
      }
    }
    return decisions;
  }
}
