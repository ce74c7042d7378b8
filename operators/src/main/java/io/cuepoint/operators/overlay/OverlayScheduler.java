package io.cuepoint.operators.overlay;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The overlay rules of one IVS channel (keyed by channel ARN), applied in event-time order as the
 * watermark passes each frame, so out-of-order frames give the in-order result:
 *
 * <ul>
 *   <li>at most one overlay on the channel at a time: {@code SHOW} when a product is on screen and
 *       nothing is up;
 *   <li>{@code CLEAR} a fixed time after the show;
 *   <li>a product is not shown again within the cooldown after its last show;
 *   <li>while an overlay is up it is re-sent ({@code RESEND}, the same payload) at a fixed
 *       interval, because players do not replay cues from before they joined.
 * </ul>
 *
 * The decisions go out without a status: the sender sets it. A product the catalog does not have,
 * or whose payload cannot fit, is a dead letter, repeated at most once per cooldown.
 */
public class OverlayScheduler extends KeyedProcessFunction<String, ProductFrame, Overlay> {
  private static final long serialVersionUID = 1L;

  static final String DEAD_LETTER_INPUT = "overlays";

  private static final Comparator<ProductFrame> FRAME_ORDER =
      Comparator.comparing((ProductFrame f) -> f.mediaId)
          .thenComparing(f -> f.source == null ? "" : f.source)
          .thenComparing(f -> f.positionMs);

  private final ProductCatalog catalog;
  private final UrlAllowList urls;
  private final int minFrames;
  private final long showDurationMs;
  private final long cooldownMs;
  private final long resendIntervalMs;
  private final long idleTimeoutMs;

  private transient MapState<Long, FrameBatch> pendingFrames;
  private transient ValueState<ShownOverlay> shown;
  private transient MapState<String, Long> lastShown;
  private transient MapState<String, Long> lastRejected;
  private transient MapState<String, FrameStreak> streaks;
  private transient ValueState<Long> lastActivity;

  private transient Counter shows;
  private transient Counter clears;
  private transient Counter resends;
  private transient Counter unknownProducts;
  private transient Counter payloadsRejected;
  private transient Counter urlsDropped;
  private transient Counter descriptionsShortened;

  public OverlayScheduler(ProductCatalog catalog, UrlAllowList urls, OverlaySettings settings) {
    settings.validate();
    this.catalog = catalog;
    this.urls = urls;
    this.minFrames = settings.minFrames;
    this.showDurationMs = settings.showDurationMs;
    this.cooldownMs = settings.cooldownMs;
    this.resendIntervalMs = settings.resendIntervalMs;
    this.idleTimeoutMs = settings.idleTimeoutMs;
  }

  @Override
  public void open(OpenContext openContext) {
    var state = getRuntimeContext();
    pendingFrames =
        state.getMapState(
            new MapStateDescriptor<>(
                "pendingOverlayFrames", Types.LONG, TypeInformation.of(FrameBatch.class)));
    shown =
        state.getState(
            new ValueStateDescriptor<>("shownOverlay", TypeInformation.of(ShownOverlay.class)));
    lastShown =
        state.getMapState(new MapStateDescriptor<>("productLastShownAt", Types.STRING, Types.LONG));
    lastRejected =
        state.getMapState(
            new MapStateDescriptor<>("productLastRejectedAt", Types.STRING, Types.LONG));
    streaks =
        state.getMapState(
            new MapStateDescriptor<>(
                "productFrameStreaks", Types.STRING, TypeInformation.of(FrameStreak.class)));
    lastActivity = state.getState(new ValueStateDescriptor<>("lastOverlayActivity", Types.LONG));

    var metrics = getRuntimeContext().getMetricGroup().addGroup("overlays");
    shows = metrics.counter("shows");
    clears = metrics.counter("clears");
    resends = metrics.counter("resends");
    unknownProducts = metrics.counter("unknownProducts");
    payloadsRejected = metrics.counter("payloadsRejected");
    urlsDropped = metrics.counter("urlsDropped");
    descriptionsShortened = metrics.counter("descriptionsShortened");
  }

  @Override
  public void processElement(ProductFrame frame, Context ctx, Collector<Overlay> out)
      throws Exception {
    FrameBatch batch = pendingFrames.get(frame.eventTime);
    pendingFrames.put(frame.eventTime, (batch == null ? new FrameBatch() : batch).with(frame));
    ctx.timerService().registerEventTimeTimer(frame.eventTime);
    Long last = lastActivity.value();
    if (last == null || frame.eventTime > last) {
      lastActivity.update(frame.eventTime);
      ctx.timerService().registerEventTimeTimer(frame.eventTime + idleTimeoutMs);
    }
  }

  // One timestamp can be a clear, a re-send, frames and the idle cleanup at once: Flink merges
  // timers of the same time, so each is recognised from the state, not from the timer.
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Overlay> out)
      throws Exception {
    String channelArn = ctx.getCurrentKey();
    ShownOverlay up = shown.value();
    if (up != null && timestamp >= up.clearAt) {
      out.collect(decision(channelArn, up, OverlayAction.CLEAR, up.clearAt, OverlayPayloads.clear(up.overlayId)));
      clears.inc();
      shown.clear();
      up = null;
    } else if (up != null && up.nextResendAt != null && timestamp >= up.nextResendAt) {
      out.collect(decision(channelArn, up, OverlayAction.RESEND, up.nextResendAt, up.payload));
      resends.inc();
      up.nextResendAt = nextResend(up.nextResendAt, up.clearAt);
      if (up.nextResendAt != null) {
        ctx.timerService().registerEventTimeTimer(up.nextResendAt);
      }
      shown.update(up);
    }

    FrameBatch batch = pendingFrames.get(timestamp);
    if (batch != null) {
      pendingFrames.remove(timestamp);
      List<Candidate> candidates = onScreen(batch);
      if (up == null) {
        show(channelArn, timestamp, candidates, ctx, out);
      }
    }

    Long last = lastActivity.value();
    if (shown.value() == null
        && last != null
        && timestamp >= last + idleTimeoutMs
        && pendingFrames.isEmpty()) {
      lastShown.clear();
      lastRejected.clear();
      streaks.clear();
      lastActivity.clear();
    }
  }

  /** Products on screen at one event time, best first: highest confidence, then product id. */
  private List<Candidate> onScreen(FrameBatch batch) throws Exception {
    ProductFrame[] frames = batch.frames.clone();
    Arrays.sort(frames, FRAME_ORDER);
    TreeMap<String, Candidate> best = new TreeMap<>();
    for (ProductFrame frame : frames) {
      int[] counts = null;
      if (minFrames > 1) {
        String key = frame.mediaId + "\n" + (frame.source == null ? "" : frame.source);
        FrameStreak previous = streaks.get(key);
        FrameStreak next = (previous == null ? new FrameStreak() : previous).next(frame);
        streaks.put(key, next);
        counts = next.counts;
      }
      for (int i = 0; i < frame.productIds.length; i++) {
        if (counts != null && counts[i] < minFrames) {
          continue;
        }
        Candidate c = best.get(frame.productIds[i]);
        if (c == null || frame.confidences[i] > c.confidence) {
          best.put(frame.productIds[i], new Candidate(frame.productIds[i], frame.confidences[i], frame.mediaId));
        }
      }
    }
    List<Candidate> ordered = new ArrayList<>(best.values());
    ordered.sort(
        Comparator.comparingDouble((Candidate c) -> -c.confidence).thenComparing(c -> c.productId));
    return ordered;
  }

  private void show(
      String channelArn, long now, List<Candidate> candidates, OnTimerContext ctx, Collector<Overlay> out)
      throws Exception {
    forgetOlderThan(lastShown, now - cooldownMs);
    forgetOlderThan(lastRejected, now - cooldownMs);
    for (Candidate c : candidates) {
      if (lastShown.contains(c.productId) || lastRejected.contains(c.productId)) {
        continue;
      }
      CatalogProduct product = catalog.product(c.productId);
      if (product == null) {
        unknownProducts.inc();
        reject(ctx, c, now, "product " + c.productId + " is not in the product catalog: no overlay on " + channelArn, c.productId);
        continue;
      }
      String overlayId = OverlayIds.of(channelArn, c.productId, now);
      OverlayPayloads.ProductPayload payload = OverlayPayloads.product(overlayId, product, urls);
      if (payload.payload == null) {
        payloadsRejected.inc();
        reject(ctx, c, now, payload.problem, RecordCodec.encode(product));
        continue;
      }
      for (String dropped : payload.droppedUrls) {
        urlsDropped.inc();
        ctx.output(
            DeadLetterTag.DEAD_LETTERS,
            DeadLetters.of(
                DEAD_LETTER_INPUT,
                "product " + c.productId + " " + dropped + ": left out of overlay " + overlayId,
                RecordCodec.encode(product),
                ctx.timerService().currentProcessingTime()));
      }
      if (payload.descriptionShortened) {
        descriptionsShortened.inc();
      }
      ShownOverlay up = new ShownOverlay();
      up.overlayId = overlayId;
      up.productId = c.productId;
      up.mediaId = c.mediaId;
      up.payload = payload.payload;
      up.shownAt = now;
      up.clearAt = now + showDurationMs;
      up.nextResendAt = nextResend(now, up.clearAt);
      shown.update(up);
      lastShown.put(c.productId, now);
      ctx.timerService().registerEventTimeTimer(up.clearAt);
      if (up.nextResendAt != null) {
        ctx.timerService().registerEventTimeTimer(up.nextResendAt);
      }
      out.collect(decision(channelArn, up, OverlayAction.SHOW, now, up.payload));
      shows.inc();
      return;
    }
  }

  private void reject(OnTimerContext ctx, Candidate c, long now, String reason, String raw)
      throws Exception {
    lastRejected.put(c.productId, now);
    ctx.output(
        DeadLetterTag.DEAD_LETTERS,
        DeadLetters.of(DEAD_LETTER_INPUT, reason, raw, ctx.timerService().currentProcessingTime()));
  }

  private Long nextResend(long after, long clearAt) {
    if (resendIntervalMs <= 0 || after + resendIntervalMs >= clearAt) {
      return null;
    }
    return after + resendIntervalMs;
  }

  private static void forgetOlderThan(MapState<String, Long> times, long cutoff) throws Exception {
    Iterator<Map.Entry<String, Long>> it = times.iterator();
    while (it.hasNext()) {
      if (it.next().getValue() <= cutoff) {
        it.remove();
      }
    }
  }

  private static Overlay decision(
      String channelArn, ShownOverlay up, OverlayAction action, long eventTime, String payload) {
    Overlay o = new Overlay();
    o.overlayId = up.overlayId;
    o.channelArn = channelArn;
    o.mediaId = up.mediaId;
    o.action = action;
    o.productId = up.productId;
    o.payload = payload;
    o.eventTime = eventTime;
    return o;
  }

  /** A product on screen and the best confidence it had. */
  private static final class Candidate {
    final String productId;
    final double confidence;
    final String mediaId;

    Candidate(String productId, double confidence, String mediaId) {
      this.productId = productId;
      this.confidence = confidence;
      this.mediaId = mediaId;
    }
  }
}
