package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class MediaTimelineFunctionTest {
  private static final String MEDIA = "media-1";

  /** On a window boundary: windows end at T0 + 5 s, T0 + 10 s, ... */
  private static final long T0 = 1_700_000_000_000L;

  private static final long FAR = T0 + 24 * 3_600_000L;

  private final TimelineSettings settings = new TimelineSettings();

  @Test
  void oneDetectionFallsInThreeWindows() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(7_000, 60_000, item(ItemKind.LABEL, "ball", 80.0))).watermark(FAR);

      List<MediaContext> contexts = h.contexts();
      assertThat(contexts)
          .extracting(
              c -> c.id,
              c -> c.eventTime,
              c -> c.positionMs,
              c -> c.windowStartMs,
              c -> c.windowEndMs)
          .containsExactly(
              tuple(MEDIA + ":" + (T0 + 10_000), T0 + 10_000, 63_000L, 48_000L, 63_000L),
              tuple(MEDIA + ":" + (T0 + 15_000), T0 + 15_000, 68_000L, 53_000L, 68_000L),
              tuple(MEDIA + ":" + (T0 + 20_000), T0 + 20_000, 73_000L, 58_000L, 73_000L));
      for (MediaContext c : contexts) {
        assertThat(c.mediaId).isEqualTo(MEDIA);
        assertThat(c.labels).containsExactly(contextItem("ball", 80.0, 1));
        assertThat(c.celebrities).isEmpty();
        assertThat(c.products).isEmpty();
        assertThat(c.match).isNull();
        assertThat(c.eventsOfInterest).isEmpty();
      }
      assertThat(h.harness.extractOutputStreamRecords())
          .extracting(r -> r.getTimestamp())
          .containsExactly(T0 + 9_999, T0 + 14_999, T0 + 19_999);
    }
  }

  @Test
  void bestConfidenceAndFramesAreCombinedAcrossPanes() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)),
              // Listed twice in one record: one frame.
              detection(
                  6_000,
                  6_000,
                  item(ItemKind.LABEL, "ball", 90.0),
                  item(ItemKind.LABEL, "ball", 60.0)),
              detection(7_000, 7_000, item(ItemKind.LABEL, "ball", 55.0)),
              detection(11_000, 11_000, item(ItemKind.LABEL, "ball", 70.0)))
          .watermark(FAR);

      assertThat(h.contexts())
          .extracting(c -> c.eventTime - T0, c -> c.labels[0])
          .containsExactly(
              tuple(5_000L, contextItem("ball", 80.0, 1)),
              tuple(10_000L, contextItem("ball", 90.0, 3)),
              tuple(15_000L, contextItem("ball", 90.0, 4)),
              tuple(20_000L, contextItem("ball", 90.0, 3)),
              tuple(25_000L, contextItem("ball", 70.0, 1)));
    }
  }

  @Test
  void namesAreCombinedPerListWhateverTheirOrderInTheRecords() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(
                  1_000,
                  1_000,
                  item(ItemKind.LABEL, "scarf", 60.0),
                  item(ItemKind.PRODUCT, "ball", 70.0),
                  item(ItemKind.LABEL, "ball", 80.0)),
              detection(
                  6_000,
                  6_000,
                  item(ItemKind.LABEL, "ball", 65.0),
                  item(ItemKind.LABEL, "anthem", 80.0),
                  item(ItemKind.LABEL, "scarf", 90.0),
                  item(ItemKind.PRODUCT, "ball", 75.0)))
          .watermark(T0 + 10_000);

      MediaContext both = h.contexts().get(1);
      assertThat(both.labels)
          .containsExactly(
              contextItem("scarf", 90.0, 2),
              contextItem("anthem", 80.0, 1),
              contextItem("ball", 80.0, 2));
      assertThat(both.products).containsExactly(contextItem("ball", 75.0, 2));
    }
  }

  @Test
  void itemsBelowTheMinimumConfidenceAreLeftOutAndKindsGoToTheirLists() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(
                  1_000,
                  1_000,
                  item(ItemKind.CUSTOM_LABEL, "jersey", 95.0),
                  item(ItemKind.LABEL, "crowd", 95.0),
                  item(ItemKind.LABEL, "grass", 49.9),
                  item(ItemKind.LABEL, "stadium", 50.0),
                  item(ItemKind.CELEBRITY, "Jane Striker", 99.0),
                  item(ItemKind.PRODUCT, "sku-1", 77.0),
                  item(ItemKind.PRODUCT, "sku-2", 12.0)),
              detection(2_000, 2_000, item(ItemKind.LABEL, "grass", 45.0)))
          .watermark(T0 + 5_000);

      MediaContext c = h.contexts().get(0);
      assertThat(c.labels)
          .containsExactly(
              contextItem("crowd", 95.0, 1),
              contextItem("jersey", 95.0, 1),
              contextItem("stadium", 50.0, 1));
      assertThat(c.celebrities).containsExactly(contextItem("Jane Striker", 99.0, 1));
      assertThat(c.products).containsExactly(contextItem("sku-1", 77.0, 1));
    }
  }

  @Test
  void positionsComeFromTheLatestDetectionOfTheWindow() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(4_000, 100_000, item(ItemKind.LABEL, "ball", 80.0)),
              // Latest in event time; of the two at 3 s the higher position wins.
              detection(3_000, 90_000, item(ItemKind.LABEL, "ball", 80.0)),
              detection(1_000, 200_000, item(ItemKind.LABEL, "ball", 80.0)),
              detection(4_000, 100_500, item(ItemKind.LABEL, "ball", 80.0)),
              detection(4_000, 100_200, item(ItemKind.LABEL, "ball", 80.0)),
              // Early in the stream the window's start is clamped to the stream's start.
              detection(12_000, 2_000, item(ItemKind.LABEL, "ball", 80.0)))
          .watermark(FAR);

      assertThat(h.contexts())
          .extracting(c -> c.eventTime - T0, c -> c.positionMs, c -> c.windowStartMs)
          .containsExactly(
              tuple(5_000L, 101_500L, 86_500L),
              tuple(10_000L, 106_500L, 91_500L),
              tuple(15_000L, 5_000L, 0L),
              tuple(20_000L, 10_000L, 0L),
              tuple(25_000L, 15_000L, 0L));
    }
  }

  @Test
  void eachWindowCarriesTheMatchAtItsEndAndTheEventsOfInterestRaisedInIt() throws Exception {
    MatchUpdate kickOff = update(-20_000, snapshot(0, 0, 0, MatchPhase.FIRST_HALF));
    MatchUpdate goal =
        update(2_000, snapshot(10, 1, 0, MatchPhase.FIRST_HALF), eoi("b", 2_000), eoi("a", 2_000));
    MatchUpdate red = update(9_000, snapshot(11, 1, 0, MatchPhase.FIRST_HALF), eoi("c", 9_000));
    MatchUpdate lastOfWindow = update(14_999, snapshot(12, 1, 0, MatchPhase.FIRST_HALF));
    MatchUpdate afterWindow =
        update(15_000, snapshot(13, 1, 1, MatchPhase.FIRST_HALF), eoi("d", 15_000));
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(-7_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)))
          .detect(detection(3_000, 11_000, item(ItemKind.LABEL, "ball", 80.0)))
          .update(kickOff, goal, red, lastOfWindow, afterWindow)
          .watermark(FAR);

      List<MediaContext> contexts = h.contexts();
      assertThat(contexts)
          .extracting(c -> c.eventTime - T0, c -> c.match == null ? null : c.match.minute)
          .containsExactly(
              tuple(-5_000L, 0),
              tuple(0L, 0),
              tuple(5_000L, 10),
              tuple(10_000L, 11),
              tuple(15_000L, 12));
      assertThat(contexts)
          .extracting(c -> ids(c.eventsOfInterest))
          .containsExactly(
              List.of(),
              List.of(),
              List.of("a", "b"),
              List.of("a", "b", "c"),
              List.of("a", "b", "c"));
    }
  }

  @Test
  void theMatchIsNullBeforeAnyUpdateAndSurvivesThePruningOfOldPanes() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)));
      h.update(update(6_000, snapshot(1, 0, 0, MatchPhase.FIRST_HALF), eoi("a", 6_000)))
          .watermark(T0 + 40_000);
      h.detect(detection(41_000, 41_000, item(ItemKind.LABEL, "ball", 80.0)))
          .update(update(45_000, snapshot(2, 0, 0, MatchPhase.FIRST_HALF)))
          .watermark(FAR);

      assertThat(h.contexts())
          .extracting(
              c -> c.eventTime - T0,
              c -> c.match == null ? null : c.match.minute,
              c -> ids(c.eventsOfInterest))
          .containsExactly(
              tuple(5_000L, null, List.of()),
              tuple(10_000L, 1, List.of("a")),
              tuple(15_000L, 1, List.of("a")),
              tuple(45_000L, 1, List.of()),
              tuple(50_000L, 2, List.of()),
              tuple(55_000L, 2, List.of()));
    }
  }

  @Test
  void windowsWithoutDetectionsEmitNothing() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)),
              detection(31_000, 31_000, item(ItemKind.LABEL, "ball", 80.0)))
          .update(update(22_000, snapshot(1, 0, 0, MatchPhase.FIRST_HALF)))
          .watermark(FAR);

      assertThat(h.contexts())
          .extracting(c -> c.eventTime - T0)
          .containsExactly(5_000L, 10_000L, 15_000L, 35_000L, 40_000L, 45_000L);
    }
  }

  @Test
  void aLateDetectionGoesToTheDeadLetters() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(6_000, 6_000, item(ItemKind.LABEL, "ball", 80.0))).watermark(T0 + 9_999);
      h.detect(detection(9_999, 9_999, item(ItemKind.LABEL, "late", 80.0))).watermark(FAR);

      assertThat(h.contexts()).hasSize(3);
      assertThat(h.contexts())
          .allSatisfy(c -> assertThat(c.labels).extracting(i -> i.name).containsExactly("ball"));
      List<DeadLetter> dead = h.deadLetters();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).input).isEqualTo("detections");
      assertThat(dead.get(0).error)
          .isEqualTo(
              "late: eventTime " + (T0 + 9_999) + " is behind the watermark " + (T0 + 9_999));
      assertThat(dead.get(0).raw).contains("\"late\"");
    }
  }

  @Test
  void aSilentMediaIsCleared() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)))
          .update(update(2_000, snapshot(1, 0, 0, MatchPhase.FIRST_HALF)))
          .watermark(T0 + 20_000);
      assertThat(h.harness.numKeyedStateEntries()).isPositive();

      h.watermark(T0 + 2_000 + settings.mediaIdleTimeoutMs - 1);
      assertThat(h.harness.numKeyedStateEntries()).isPositive();
      h.watermark(T0 + 2_000 + settings.mediaIdleTimeoutMs);
      assertThat(h.harness.numKeyedStateEntries()).isZero();

      long later = 2_000 + settings.mediaIdleTimeoutMs + 1_000;
      h.detect(detection(later, later, item(ItemKind.LABEL, "ball", 80.0))).watermark(FAR);
      List<MediaContext> contexts = h.contexts();
      assertThat(contexts).hasSize(6);
      assertThat(contexts.subList(3, 6)).allSatisfy(c -> assertThat(c.match).isNull());
    }
  }

  @Test
  void aBusyMediaKeepsOneWindowTimerAndOneIdleTimerThatStillFiresAfterItsLastActivity()
      throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      // A detection every second for 100 s: the next window's end and the idle timer.
      for (long t = 0; t < 100_000; t += 1_000) {
        h.detect(detection(t, t, item(ItemKind.LABEL, "ball", 80.0)));
      }
      assertThat(h.harness.numEventTimeTimers()).isEqualTo(2);
      h.watermark(T0 + 52_000);
      assertThat(h.contexts()).hasSize(10);
      assertThat(h.harness.numEventTimeTimers()).isEqualTo(2);

      h.watermark(T0 + 99_000 + settings.mediaIdleTimeoutMs - 1);
      assertThat(h.contexts()).hasSize(22);
      assertThat(h.harness.numKeyedStateEntries()).isPositive();
      h.watermark(T0 + 99_000 + settings.mediaIdleTimeoutMs);
      assertThat(h.harness.numKeyedStateEntries()).isZero();
      assertThat(h.harness.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aWatermarkJumpingOverManyWindowsEmitsThemInOrderEachAheadOfIt() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(
              detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)),
              detection(21_000, 21_000, item(ItemKind.LABEL, "goal", 80.0)))
          .watermark(T0 + 40_000);

      List<Object> output = new ArrayList<>(h.harness.getOutput());
      assertThat(output)
          .extracting(
              e ->
                  e instanceof Watermark
                      ? "watermark " + (((Watermark) e).getTimestamp() - T0)
                      : "window "
                          + (((MediaContext) ((StreamRecord<?>) e).getValue()).eventTime - T0)
                          + " at "
                          + (((StreamRecord<?>) e).getTimestamp() - T0))
          .containsExactly(
              "window 5000 at 4999",
              "window 10000 at 9999",
              "window 15000 at 14999",
              "window 25000 at 24999",
              "window 30000 at 29999",
              "window 35000 at 34999",
              "watermark 40000");
    }
  }

  @Test
  void aDetectionBeforeThePendingWindowsIsWindowedFirst() throws Exception {
    try (TimelineHarness h = new TimelineHarness(settings)) {
      h.detect(detection(12_000, 12_000, item(ItemKind.LABEL, "late-pane", 80.0)))
          .watermark(T0 + 1_000)
          .detect(detection(2_000, 2_000, item(ItemKind.LABEL, "early-pane", 80.0)));
      assertThat(h.harness.numEventTimeTimers()).isEqualTo(2);

      h.watermark(T0 + 12_000);
      assertThat(h.contexts())
          .extracting(c -> c.eventTime - T0, c -> names(c.labels))
          .containsExactly(
              tuple(5_000L, List.of("early-pane")), tuple(10_000L, List.of("early-pane")));
      h.watermark(FAR);
      assertThat(h.contexts())
          .extracting(c -> c.eventTime - T0, c -> names(c.labels))
          .containsExactly(
              tuple(5_000L, List.of("early-pane")),
              tuple(10_000L, List.of("early-pane")),
              tuple(15_000L, List.of("early-pane", "late-pane")),
              tuple(20_000L, List.of("late-pane")),
              tuple(25_000L, List.of("late-pane")));
    }
  }

  @Test
  void aRestoredTimelineEmitsWhatAnUninterruptedOneWould() throws Exception {
    List<MediaContext> uninterrupted;
    try (TimelineHarness h = new TimelineHarness(settings)) {
      firstHalf(h);
      secondHalf(h);
      uninterrupted = h.contexts();
    }
    OperatorSubtaskState snapshot;
    List<MediaContext> beforeSnapshot;
    try (TimelineHarness h = new TimelineHarness(settings)) {
      firstHalf(h);
      beforeSnapshot = h.contexts();
      snapshot = h.snapshot();
    }
    try (TimelineHarness h = new TimelineHarness(settings, snapshot)) {
      secondHalf(h);
      List<MediaContext> all = new ArrayList<>(beforeSnapshot);
      all.addAll(h.contexts());
      assertThat(beforeSnapshot).isNotEmpty();
      assertThat(all).isEqualTo(uninterrupted).hasSize(8);
      assertThat(h.harness.numKeyedStateEntries()).isZero();
    }
  }

  private static void firstHalf(TimelineHarness h) throws Exception {
    h.detect(detection(1_000, 1_000, item(ItemKind.LABEL, "ball", 80.0)))
        .update(update(2_000, snapshot(1, 0, 0, MatchPhase.FIRST_HALF), eoi("a", 2_000)))
        .detect(detection(8_000, 8_000, item(ItemKind.PRODUCT, "sku-1", 70.0)))
        .watermark(T0 + 10_000);
  }

  private static void secondHalf(TimelineHarness h) throws Exception {
    h.update(update(12_000, snapshot(2, 1, 0, MatchPhase.FIRST_HALF), eoi("b", 12_000)))
        .detect(detection(13_000, 13_000, item(ItemKind.CELEBRITY, "Jane Striker", 90.0)))
        .detect(detection(31_000, 31_000, item(ItemKind.LABEL, "crowd", 60.0)))
        .watermark(FAR);
  }

  private static List<String> names(ContextItem[] items) {
    return Arrays.stream(items).map(i -> i.name).collect(Collectors.toList());
  }

  private static Detection detection(long offsetMs, long positionMs, DetectionItem... items) {
    Detection d = new Detection();
    d.mediaId = MEDIA;
    d.eventTime = T0 + offsetMs;
    d.positionMs = positionMs;
    d.source = "test";
    d.items = items;
    return d;
  }

  private static DetectionItem item(ItemKind kind, String name, double confidence) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    return i;
  }

  private static ContextItem contextItem(String name, double confidence, int frames) {
    ContextItem c = new ContextItem();
    c.name = name;
    c.confidence = confidence;
    c.frames = frames;
    return c;
  }

  private static MatchSnapshot snapshot(int minute, int home, int away, MatchPhase phase) {
    MatchSnapshot s = new MatchSnapshot();
    s.minute = minute;
    s.home = home;
    s.away = away;
    s.phase = phase;
    return s;
  }

  private static MatchUpdate update(
      long offsetMs, MatchSnapshot snapshot, EventOfInterest... raised) {
    return new MatchUpdate(MEDIA, T0 + offsetMs, snapshot, raised);
  }

  private static EventOfInterest eoi(String id, long offsetMs) {
    EventOfInterest e = new EventOfInterest();
    e.id = id;
    e.mediaId = MEDIA;
    e.type = EventOfInterestType.RED_CARD;
    e.eventTime = T0 + offsetMs;
    return e;
  }

  private static List<String> ids(EventOfInterest[] events) {
    return Arrays.stream(events).map(e -> e.id).collect(Collectors.toList());
  }
}
