package io.cuepoint.operators.shoppable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.ShoppableSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class ShoppableSpanBuilderTest {
  private static final long START = 1_780_000_000_000L;
  private static final long GAP = 10_000;

  @Test
  void framesFourSecondsApartMakeOneSpanAndALongerGapStartsAnother() throws Exception {
    List<Detection> in = new ArrayList<>();
    for (long p = 0; p <= 20_000; p += 4_000) {
      in.add(detection("m", p, item(ItemKind.PRODUCT, "jersey", 90 + p / 4_000)));
    }
    // One missed frame (8 s) is bridged; 12 s without the product is not.
    in.add(detection("m", 28_000, item(ItemKind.PRODUCT, "jersey", 80)));
    in.add(detection("m", 40_000, item(ItemKind.PRODUCT, "jersey", 99)));
    try (Harness h = new Harness(null)) {
      h.add(in).watermark(Long.MAX_VALUE);
      assertThat(h.spans())
          .containsExactly(span("m", "jersey", 0, 28_000, 0.95), span("m", "jersey", 40_000, 40_000, 0.99));
    }
  }

  @Test
  void aSpanIsEmittedOnlyWhenTheWatermarkPassesItsLastSightingPlusTheGap() throws Exception {
    try (Harness h = new Harness(null)) {
      h.add(List.of(detection("m", 0, item(ItemKind.PRODUCT, "ball", 70)), detection("m", 4_000, item(ItemKind.PRODUCT, "ball", 75))));
      h.watermark(START + 4_000 + GAP - 1);
      assertThat(h.spans()).isEmpty();
      h.watermark(START + 4_000 + GAP);
      assertThat(h.spans()).containsExactly(span("m", "ball", 0, 4_000, 0.75));
      assertThat(h.harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void productsAndMediaAreTrackedApartAndOtherItemsAreIgnored() throws Exception {
    try (Harness h = new Harness(null)) {
      h.add(
          List.of(
              detection("a", 0, item(ItemKind.PRODUCT, "cap", 60), item(ItemKind.LABEL, "Person", 99), item(ItemKind.PRODUCT, "cap", 85)),
              detection("b", 0, item(ItemKind.PRODUCT, "cap", 100)),
              detection("a", 4_000, item(ItemKind.PRODUCT, "scarf", 91.5), item(ItemKind.CUSTOM_LABEL, "cap", 99)),
              detection("a", 8_000, item(ItemKind.PRODUCT, "cap", 70))));
      h.watermark(Long.MAX_VALUE);
      assertThat(h.spans())
          .containsExactlyInAnyOrder(
              span("a", "cap", 0, 8_000, 0.85), span("a", "scarf", 4_000, 4_000, 0.915), span("b", "cap", 0, 0, 1.0));
    }
  }

  @Test
  void outOfOrderInputGivesTheInOrderSpans() throws Exception {
    List<Detection> in = sampleDetections();
    List<ShoppableSpan> inOrder;
    try (Harness h = new Harness(null)) {
      h.add(in).watermark(Long.MAX_VALUE);
      inOrder = h.spans();
    }
    assertThat(inOrder).hasSizeGreaterThan(3);
    List<Detection> shuffled = new ArrayList<>(in);
    Collections.shuffle(shuffled, new Random(9));
    try (Harness h = new Harness(null)) {
      h.add(shuffled).watermark(Long.MAX_VALUE);
      assertThat(h.spans()).containsExactlyElementsOf(inOrder);
    }
  }

  @Test
  void aRestoreFromASnapshotMidSpanNeitherLosesNorRepeatsASpan() throws Exception {
    List<Detection> in = sampleDetections();
    List<ShoppableSpan> uninterrupted;
    try (Harness h = new Harness(null)) {
      h.add(in).watermark(Long.MAX_VALUE);
      uninterrupted = h.spans();
    }
    int half = in.size() / 2;
    long cut = in.get(half - 1).eventTime;
    List<ShoppableSpan> combined = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (Harness first = new Harness(null)) {
      first.add(in.subList(0, half)).watermark(cut - 2_000);
      snapshot = first.harness.snapshot(1L, 1L);
      combined.addAll(first.spans());
    }
    try (Harness second = new Harness(snapshot)) {
      second.add(in.subList(half, in.size())).watermark(Long.MAX_VALUE);
      combined.addAll(second.spans());
    }
    assertThat(combined).containsExactlyElementsOf(uninterrupted);
  }

  /** Two products coming and going over ten minutes, with missed frames. */
  private static List<Detection> sampleDetections() {
    Random rnd = new Random(4);
    List<Detection> out = new ArrayList<>();
    for (long p = 0; p < 600_000; p += 4_000) {
      List<DetectionItem> items = new ArrayList<>();
      if ((p / 60_000) % 2 == 0 && rnd.nextInt(5) > 0) {
        items.add(item(ItemKind.PRODUCT, "jersey", 80 + rnd.nextInt(20)));
      }
      if ((p / 90_000) % 2 == 1 && rnd.nextInt(4) > 0) {
        items.add(item(ItemKind.PRODUCT, "boots", 80 + rnd.nextInt(20)));
      }
      out.add(detection("m", p, items.toArray(new DetectionItem[0])));
    }
    return out;
  }

  private static Detection detection(String media, long positionMs, DetectionItem... items) {
    Detection d = new Detection();
    d.mediaId = media;
    d.positionMs = positionMs;
    d.eventTime = START + positionMs;
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

  private static ShoppableSpan span(String media, String product, long from, long to, double best) {
    ShoppableSpan s = new ShoppableSpan();
    s.mediaId = media;
    s.productId = product;
    s.fromMs = from;
    s.toMs = to;
    s.bestSimilarity = best;
    return s;
  }

  private static final class Harness implements AutoCloseable {
    final KeyedOneInputStreamOperatorTestHarness<String, ProductSightings, ShoppableSpan> harness;

    Harness(OperatorSubtaskState restore) throws Exception {
      harness =
          new KeyedOneInputStreamOperatorTestHarness<>(
              new KeyedProcessOperator<>(new ShoppableSpanBuilder(new ShoppableSettings(GAP))),
              d -> d.mediaId,
              Types.STRING);
      harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
      if (restore != null) {
        harness.initializeState(restore);
      }
      harness.open();
    }

    Harness add(List<Detection> detections) throws Exception {
      // Detections reach the builder through the projection the job puts before the shuffle.
      ProductSightingsOf project = new ProductSightingsOf();
      for (Detection d : detections) {
        project.flatMap(
            d,
            new Collector<ProductSightings>() {
              @Override
              public void collect(ProductSightings seen) {
                try {
                  harness.processElement(seen, seen.eventTime);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }

              @Override
              public void close() {}
            });
      }
      return this;
    }

    Harness watermark(long time) throws Exception {
      harness.processWatermark(time);
      return this;
    }

    List<ShoppableSpan> spans() {
      List<ShoppableSpan> spans = new ArrayList<>(harness.extractOutputValues());
      spans.sort(Comparator.comparing((ShoppableSpan s) -> s.mediaId).thenComparing(s -> s.fromMs).thenComparing(s -> s.productId));
      return spans;
    }

    @Override
    public void close() {
      try {
        harness.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the harness failed", e);
      }
    }
  }
}
