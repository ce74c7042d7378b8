package io.cuepoint.operators.overlay;

import static io.cuepoint.operators.overlay.Overlays.CHANNEL;
import static io.cuepoint.operators.overlay.Overlays.OTHER_CHANNEL;
import static io.cuepoint.operators.overlay.Overlays.T0;
import static io.cuepoint.operators.overlay.Overlays.catalog;
import static io.cuepoint.operators.overlay.Overlays.frame;
import static io.cuepoint.operators.overlay.Overlays.settings;
import static io.cuepoint.operators.overlay.Overlays.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

class OverlaySchedulerTest {
  private static final long FAR = T0 + 24 * 3_600_000L;

  private static long s(long seconds) {
    return seconds * 1000;
  }

  /** Decisions as (action, product, seconds after T0). */
  private static List<String> timeline(List<Overlay> decisions) {
    return decisions.stream()
        .map(o -> o.action + " " + o.productId + " " + (o.eventTime - T0) / 1000)
        .collect(Collectors.toList());
  }

  private static List<String> expectedOverlay(String product, long shownAtSeconds) {
    List<String> out = new ArrayList<>();
    out.add("SHOW " + product + " " + shownAtSeconds);
    for (long r = 10; r < 120; r += 10) {
      out.add("RESEND " + product + " " + (shownAtSeconds + r));
    }
    out.add("CLEAR " + product + " " + (shownAtSeconds + 120));
    return out;
  }

  @Test
  void showsResendsEveryTenSecondsAndClearsAfterTwoMinutes() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (long t = 5; t <= 60; t++) {
        h.frames(frame(s(t), "p-ball"));
      }
      h.watermark(FAR);

      List<Overlay> decisions = h.decisions();
      assertThat(timeline(decisions)).containsExactlyElementsOf(expectedOverlay("p-ball", 5));
      String id = decisions.get(0).overlayId;
      assertThat(decisions).allSatisfy(o -> {
        assertThat(o.overlayId).isEqualTo(id);
        assertThat(o.channelArn).isEqualTo(CHANNEL);
        assertThat(o.mediaId).isEqualTo(Overlays.MEDIA);
        assertThat(o.status).isNull();
      });
      assertThat(id).isEqualTo(OverlayIds.of(CHANNEL, "p-ball", T0 + s(5)));
      // A re-send carries exactly the bytes of the show.
      assertThat(decisions.get(1).payload).isEqualTo(decisions.get(0).payload);
      assertThat(decisions.get(0).payload).startsWith("{\"type\":\"product\",\"overlayId\":\"" + id + "\"");
      assertThat(decisions.get(12).payload).isEqualTo("{\"type\":\"clear\",\"overlayId\":\"" + id + "\"}");
      assertThat(h.harness.extractOutputStreamRecords())
          .extracting(r -> r.getTimestamp() - T0)
          .containsExactlyElementsOf(
              decisions.stream().map(o -> o.eventTime - T0).collect(Collectors.toList()));
    }
  }

  @Test
  void oneOverlayAtATimeAndTheNextProductOnlyAfterTheClear() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      h.frames(frame(s(0), "p-ball"), frame(s(30), "p-boots"), frame(s(119), "p-boots"))
          .frames(frame(s(120), "p-boots"))
          .watermark(FAR);

      List<String> expected = new ArrayList<>(expectedOverlay("p-ball", 0));
      expected.addAll(expectedOverlay("p-boots", 120));
      assertThat(timeline(h.decisions())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theBestProductOfAFrameWinsThenProductId() throws Exception {
    ProductFrame f = frame(s(0), "p-ball", "p-boots", "p-scarf");
    f.confidences = new double[] {85, 97, 97};
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      h.frames(f).watermark(FAR);
      assertThat(h.decisions().get(0).productId).isEqualTo("p-boots");
    }
  }

  @Test
  void aProductIsNotShownAgainWithinTheCooldown() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (long t = 0; t <= 700; t += 10) {
        h.frames(frame(s(t), "p-ball"));
      }
      h.watermark(FAR);

      List<String> expected = new ArrayList<>(expectedOverlay("p-ball", 0));
      // Cooldown 600 s from the show at 0: shown again by the frame at exactly 600 s.
      expected.addAll(expectedOverlay("p-ball", 600));
      assertThat(timeline(h.decisions())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anotherProductIsShownWhileTheFirstIsCoolingDown() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (long t = 0; t <= 200; t += 10) {
        h.frames(frame(s(t), "p-ball", "p-scarf"));
      }
      h.watermark(FAR);
      List<String> shows =
          timeline(h.decisions()).stream().filter(d -> d.startsWith("SHOW")).collect(Collectors.toList());
      assertThat(shows).containsExactly("SHOW p-ball 0", "SHOW p-scarf 120");
    }
  }

  @Test
  void outOfOrderFramesGiveTheInOrderResult() throws Exception {
    List<ProductFrame> frames = new ArrayList<>();
    for (long t = 0; t <= 900; t += 3) {
      String product = (t / 150) % 2 == 0 ? "p-ball" : "p-boots";
      frames.add(frame(s(t), product));
      if (t % 7 == 0) {
        frames.add(frame(OTHER_CHANNEL, "rekognition", s(t), "p-scarf"));
      }
    }
    List<Overlay> inOrder;
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (ProductFrame f : frames) {
        h.frames(f).watermark(f.eventTime - s(5) - 1);
      }
      h.watermark(FAR);
      inOrder = h.decisions();
    }
    // Shuffled within blocks of 5 s, with the watermark 5 s behind the newest frame, as the job's.
    Random random = new Random(7);
    List<ProductFrame> shuffled = new ArrayList<>();
    for (int i = 0; i < frames.size(); i += 3) {
      List<ProductFrame> block = new ArrayList<>(frames.subList(i, Math.min(i + 3, frames.size())));
      Collections.shuffle(block, random);
      shuffled.addAll(block);
    }
    assertThat(shuffled).isNotEqualTo(frames);
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      long newest = Long.MIN_VALUE;
      for (ProductFrame f : shuffled) {
        newest = Math.max(newest, f.eventTime);
        h.frames(f).watermark(newest - s(5) - 1);
      }
      h.watermark(FAR);
      assertThat(sortedJson(h.decisions())).isEqualTo(sortedJson(inOrder));
    }
    assertThat(timeline(inOrder)).contains("SHOW p-ball 0", "CLEAR p-ball 120", "SHOW p-boots 150");
    assertThat(inOrder).anySatisfy(o -> assertThat(o.channelArn).isEqualTo(OTHER_CHANNEL));
  }

  @Test
  void restoreInTheMiddleOfAnOverlayNeitherShowsAgainNorLosesTheClear() throws Exception {
    OperatorSubtaskState snapshot;
    List<Overlay> before;
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (long t = 0; t <= 40; t += 2) {
        h.frames(frame(s(t), "p-ball"));
      }
      h.watermark(T0 + s(35));
      before = h.decisions();
      snapshot = h.snapshot();
    }
    assertThat(timeline(before))
        .containsExactly("SHOW p-ball 0", "RESEND p-ball 10", "RESEND p-ball 20", "RESEND p-ball 30");

    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings(), snapshot)) {
      // Frames after the snapshot, and the ones at 36..40 s the snapshot held back.
      for (long t = 42; t <= 300; t += 2) {
        h.frames(frame(s(t), "p-ball"));
      }
      h.watermark(FAR);
      List<String> after = timeline(h.decisions());
      List<String> expected = new ArrayList<>(expectedOverlay("p-ball", 0));
      assertThat(after).containsExactlyElementsOf(expected.subList(4, expected.size()));
      assertThat(h.decisions()).allSatisfy(o -> assertThat(o.overlayId).isEqualTo(before.get(0).overlayId));
    }
  }

  @Test
  void resendOffSendsOnlyShowAndClear() throws Exception {
    OverlaySettings settings = settings();
    settings.resendIntervalMs = 0;
    settings.showDurationMs = s(30);
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings)) {
      h.frames(frame(s(0), "p-ball")).watermark(FAR);
      assertThat(timeline(h.decisions())).containsExactly("SHOW p-ball 0", "CLEAR p-ball 30");
    }
  }

  @Test
  void severalConsecutiveFramesMustAgreeAndAGapStartsAgain() throws Exception {
    OverlaySettings settings = settings();
    settings.minFrames = 3;
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings)) {
      h.frames(
              frame(s(0), "p-ball"),
              frame(s(1), "p-ball"),
              frame(s(2)),
              frame(s(3), "p-ball"),
              frame(s(4), "p-ball"),
              // Another source in between does not break the rekognition run.
              frame(CHANNEL, "srt", s(4) + 500, "p-scarf"),
              frame(s(5), "p-ball"))
          .watermark(FAR);
      assertThat(timeline(h.decisions())).first().isEqualTo("SHOW p-ball 5");
    }
  }

  @Test
  void unknownProductsAreDeadLettersOncePerCooldownAndDoNotBlockOthers() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(catalog(), urls(), settings())) {
      for (long t = 0; t <= 1300; t += 20) {
        h.frames(frame(s(t), "p-unknown"));
      }
      h.frames(frame(s(30), "p-unknown", "p-scarf"));
      h.watermark(FAR);

      assertThat(h.decisions()).extracting(o -> o.productId).containsOnly("p-scarf");
      assertThat(h.deadLetters())
          .extracting(d -> d.input, d -> d.error)
          .containsExactly(
              tuple("overlays", "product p-unknown is not in the product catalog: no overlay on " + CHANNEL),
              tuple("overlays", "product p-unknown is not in the product catalog: no overlay on " + CHANNEL),
              tuple("overlays", "product p-unknown is not in the product catalog: no overlay on " + CHANNEL));
    }
  }

  @Test
  void withoutACatalogNothingIsShown() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(ProductCatalog.empty(), urls(), settings())) {
      h.frames(frame(s(0), "p-ball")).watermark(FAR);
      assertThat(h.decisions()).isEmpty();
      assertThat(h.deadLetters()).singleElement().satisfies(d -> assertThat(d.error).contains("p-ball"));
    }
  }

  @Test
  void urlsOffTheAllowListAreLeftOutWithADeadLetter() throws Exception {
    try (SchedulerHarness h =
        new SchedulerHarness(catalog(), new UrlAllowList(java.util.Set.of("shop.example.com")), settings())) {
      h.frames(frame(s(0), "p-ball")).watermark(FAR);
      Overlay show = h.decisions().get(0);
      assertThat(show.payload).doesNotContain("imageUrl").contains("\"link\":\"https://shop.example.com/p/p-ball\"");
      assertThat(h.deadLetters())
          .singleElement()
          .satisfies(d -> assertThat(d.error).startsWith("product p-ball imageUrl: host of 'https://images.example.com/p-ball.jpg' is not an allowed host"));
    }
  }

  private static List<String> sortedJson(List<Overlay> overlays) {
    return overlays.stream().map(RecordCodec::encode).sorted().collect(Collectors.toList());
  }
}
