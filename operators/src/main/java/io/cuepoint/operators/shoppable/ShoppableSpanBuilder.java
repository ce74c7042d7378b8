package io.cuepoint.operators.shoppable;

import io.cuepoint.schemas.records.ShoppableSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the {@code PRODUCT} items of a media's detections (keyed by media id, as {@link
 * ProductSightings}) into shoppable
 * spans: the stretches of the stream in which a product is on screen. Any source counts: SRT cues,
 * upstream detections, visual matches (whose confidence is the similarity × 100). Sightings of a
 * product no further apart than the gap tolerance (in stream position) make one span; a span is
 * emitted once the watermark passes its latest sighting plus the gap, when no sighting that could
 * continue it can arrive any more, and at the end of the input (the final watermark).
 *
 * <p>Sightings wait in state until the watermark passes their event time and are then applied in
 * event-time order, so out-of-order input gives the in-order spans. State is cleared by the same
 * event-time timers: a sighting when applied, a span when emitted.
 */
public class ShoppableSpanBuilder extends KeyedProcessFunction<String, ProductSightings, ShoppableSpan> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<ProductSighting> SIGHTING_ORDER =
      Comparator.comparingLong((ProductSighting s) -> s.positionMs)
          .thenComparing(s -> s.productId)
          .thenComparingDouble(s -> s.similarity);

  private final long gapMs;

  private transient MapState<Long, SightingBatch> pending;
  private transient MapState<String, OpenSpan> openSpans;
  private transient Counter sightingsCounted;
  private transient Counter spansEmitted;

  public ShoppableSpanBuilder(ShoppableSettings settings) {
    this.gapMs = settings.gapToleranceMs;
  }

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "shoppablePendingSightings", Types.LONG, TypeInformation.of(SightingBatch.class)));
    openSpans =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "shoppableOpenSpans", Types.STRING, TypeInformation.of(OpenSpan.class)));
    var metrics = getRuntimeContext().getMetricGroup().addGroup("shoppable");
    sightingsCounted = metrics.counter("productSightings");
    spansEmitted = metrics.counter("spansEmitted");
  }

  @Override
  public void processElement(ProductSightings seen, Context ctx, Collector<ShoppableSpan> out)
      throws Exception {
    SightingBatch batch = pending.get(seen.eventTime);
    if (batch == null) {
      batch = new SightingBatch();
    }
    pending.put(seen.eventTime, batch.with(seen.sightings));
    sightingsCounted.inc(seen.sightings.length);
    ctx.timerService().registerEventTimeTimer(seen.eventTime);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShoppableSpan> out)
      throws Exception {
    List<ShoppableSpan> closed = new ArrayList<>();
    SightingBatch batch = pending.get(timestamp);
    if (batch != null) {
      pending.remove(timestamp);
      ProductSighting[] sightings = batch.sightings.clone();
      Arrays.sort(sightings, SIGHTING_ORDER);
      for (ProductSighting s : sightings) {
        OpenSpan span = openSpans.get(s.productId);
        if (span != null && span.continuedBy(s, gapMs)) {
          span.extend(s, timestamp);
        } else {
          if (span != null) {
            // The stream jumped (a seek, an ad break): the old span ended where it was.
            closed.add(toRecord(ctx.getCurrentKey(), span));
          }
          span = OpenSpan.startedBy(s, timestamp);
        }
        openSpans.put(s.productId, span);
        ctx.timerService().registerEventTimeTimer(span.lastEventTime + gapMs);
      }
    }
    List<String> ended = new ArrayList<>();
    for (Map.Entry<String, OpenSpan> e : openSpans.entries()) {
      if (e.getValue().lastEventTime + gapMs <= timestamp) {
        ended.add(e.getKey());
        closed.add(toRecord(ctx.getCurrentKey(), e.getValue()));
      }
    }
    for (String productId : ended) {
      openSpans.remove(productId);
    }
    closed.sort(Comparator.comparing((ShoppableSpan s) -> s.fromMs).thenComparing(s -> s.productId));
    for (ShoppableSpan span : closed) {
      spansEmitted.inc();
      out.collect(span);
    }
  }

  private static ShoppableSpan toRecord(String mediaId, OpenSpan span) {
    ShoppableSpan record = new ShoppableSpan();
    record.mediaId = mediaId;
    record.productId = span.productId;
    record.fromMs = span.fromMs;
    record.toMs = span.toMs;
    record.bestSimilarity = Math.round(span.bestSimilarity * 10_000) / 10_000.0;
    return record;
  }
}
