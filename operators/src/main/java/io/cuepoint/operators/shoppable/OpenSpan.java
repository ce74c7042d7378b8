package io.cuepoint.operators.shoppable;

/** A product's span that may still grow (Flink POJO, a value of keyed map state). */
public class OpenSpan {
  public String productId;
  public long fromMs;
  public long toMs;
  /** Event time of the latest sighting: the span ends when the watermark passes it plus the gap. */
  public long lastEventTime;
  public double bestSimilarity;

  public OpenSpan() {}

  static OpenSpan startedBy(ProductSighting s, long eventTime) {
    OpenSpan span = new OpenSpan();
    span.productId = s.productId;
    span.fromMs = s.positionMs;
    span.toMs = s.positionMs;
    span.lastEventTime = eventTime;
    span.bestSimilarity = s.similarity;
    return span;
  }

  /** Whether the sighting is within the gap of this span's positions. */
  boolean continuedBy(ProductSighting s, long gapMs) {
    return s.positionMs >= fromMs - gapMs && s.positionMs <= toMs + gapMs;
  }

  void extend(ProductSighting s, long eventTime) {
    fromMs = Math.min(fromMs, s.positionMs);
    toMs = Math.max(toMs, s.positionMs);
    lastEventTime = Math.max(lastEventTime, eventTime);
    bestSimilarity = Math.max(bestSimilarity, s.similarity);
  }
}
