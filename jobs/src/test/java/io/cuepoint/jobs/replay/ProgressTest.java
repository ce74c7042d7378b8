package io.cuepoint.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.schemas.StreamName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress display, driven by a fake clock and made-up accumulator values. */
class ProgressTest {
  private static final long T = 1_000_000;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static Map<StreamName, Long> totals() {
    Map<StreamName, Long> totals = new EnumMap<>(StreamName.class);
    totals.put(StreamName.DETECTIONS, 8_000L);
    totals.put(StreamName.MATCH_EVENTS, 2_000L);
    return totals;
  }

  private static Map<String, Object> read(long detections, long matchEvents) {
    Map<String, Object> accumulators = new HashMap<>();
    accumulators.put(ParseRecords.readAccumulator("detections"), detections);
    accumulators.put(ParseRecords.readAccumulator("match-events"), matchEvents);
    return accumulators;
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void offATerminalItPrintsAPlainLineEveryFewSecondsAndTheFinalState() {
    Progress progress = new Progress(totals(), err, false, T);

    progress.update(read(100, 0), T + 500);
    progress.update(read(2_000, 500), T + Progress.PLAIN_EVERY_MS);
    progress.update(read(3_000, 600), T + Progress.PLAIN_EVERY_MS + 1_000);
    progress.update(read(6_000, 1_500), T + 2 * Progress.PLAIN_EVERY_MS);
    progress.finish(read(8_000, 2_000), T + 2 * Progress.PLAIN_EVERY_MS + 200);

    assertThat(printed().lines()).containsExactly(
        "replay: 25% read, detections 2,000/8,000 match-events 500/2,000",
        "replay: 75% read, detections 6,000/8,000 match-events 1,500/2,000",
        "replay: 100% read, detections 8,000/8,000 match-events 2,000/2,000");
    assertThat(printed()).doesNotContain("\r");
  }

  @Test
  void onATerminalItRedrawsABarWithAnEtaFromTheRateSinceRecordsStartedComing() {
    Progress progress = new Progress(totals(), err, true, T);

    // The job starts up for 10 s before the first records: that is not part of the rate.
    progress.update(read(0, 0), T + 5_000);
    assertThat(lastBar()).isEqualTo("[..............................]   0% 0/10,000 records  ETA --:--");
    progress.update(read(1_000, 0), T + 10_000);
    assertThat(lastBar()).endsWith("ETA --:--");
    progress.update(read(2_500, 500), T + 12_000);
    // 2,000 records in 2 s since the first ones; 7,000 left: 7 s.
    assertThat(lastBar()).isEqualTo("[#########.....................]  30% 3,000/10,000 records  ETA 0:07");
    progress.finish(read(8_000, 2_000), T + 19_000);

    assertThat(lastBar()).isEqualTo("[##############################] 100% 10,000/10,000 records  ETA 0:00");
    assertThat(printed()).endsWith("\n");
    assertThat(printed().chars().filter(c -> c == '\n').count()).as("one line, redrawn").isEqualTo(1);
  }

  @Test
  void longEtasHaveHoursAndAShorterRedrawWipesTheLongerLineBeforeIt() {
    Map<StreamName, Long> totals = new EnumMap<>(StreamName.class);
    totals.put(StreamName.DETECTIONS, 100_000_000L);
    Progress progress = new Progress(totals, err, true, T);

    progress.update(Map.of(ParseRecords.readAccumulator("detections"), 1_000L), T);
    progress.update(Map.of(ParseRecords.readAccumulator("detections"), 2_000_000L), T + 100_000);
    assertThat(lastBar()).endsWith("ETA 1:21:43");
    int longer = lastDraw().length();
    progress.finish(Map.of(ParseRecords.readAccumulator("detections"), 100_000_000L), T + 200_000);

    assertThat(lastDraw().length()).isGreaterThanOrEqualTo(longer);
    assertThat(lastBar()).endsWith("ETA 0:00");
  }

  /** What the last redraw drew, with the carriage return and padding. */
  private String lastDraw() {
    String text = printed().replace("\n", "");
    return text.substring(text.lastIndexOf('\r') + 1);
  }

  private String lastBar() {
    return lastDraw().trim();
  }
}
