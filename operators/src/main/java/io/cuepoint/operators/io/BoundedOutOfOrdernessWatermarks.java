package io.cuepoint.operators.io;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded out-of-orderness watermarks computed from the records alone ({@link StreamWatermark}) and
 * emitted on Flink's periodic watermark interval. Every watermark reaches every downstream
 * operator, so emitting one per advancing record (about one per record at high rates) cost the
 * job a large share of its CPU; emitting the latest one periodically costs a few per interval and
 * delays event time downstream by at most the interval. Lateness does not depend on when a period
 * fires: {@link DropLateRecords} judges it per record from its own {@link StreamWatermark}, never
 * behind the one emitted here.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final StreamWatermark watermark;
  private long emitted = Long.MIN_VALUE;

  BoundedOutOfOrdernessWatermarks(Duration bound) {
    this.watermark = new StreamWatermark(bound);
  }

  /**
   * The strategy for one input: timestamps from {@code eventTime}, the given bound, and idleness
   * when {@code idleness} is positive (idleness is processing-time based: leave it off for replays
   * that must be repeatable).
   */
  public static <T> WatermarkStrategy<T> strategy(
      Duration outOfOrderness, Duration idleness, SerializableTimestampAssigner<T> eventTime) {
    WatermarkStrategy<T> strategy =
        WatermarkStrategy.<T>forGenerator(ctx -> new BoundedOutOfOrdernessWatermarks<>(outOfOrderness))
            .withTimestampAssigner(eventTime);
    return idleness.isZero() || idleness.isNegative() ? strategy : strategy.withIdleness(idleness);
  }

  @Override
  public void onEvent(T event, long timestamp, WatermarkOutput output) {
    watermark.observe(timestamp);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long current = watermark.current();
    if (current > emitted) {
      emitted = current;
      output.emitWatermark(new Watermark(current));
    }
  }
}
