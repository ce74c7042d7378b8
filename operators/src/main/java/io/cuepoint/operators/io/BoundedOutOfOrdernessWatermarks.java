package io.cuepoint.operators.io;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded out-of-orderness watermarks emitted as records arrive rather than on a processing-time
 * period. Flink's periodic generator makes a record's lateness depend on when the period fired;
 * emitting from the records alone makes it depend only on their order, so replays are repeatable.
 * Watermarks advance in steps of {@link #STEP_MS} to keep their traffic small.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  static final long STEP_MS = 10;

  private final long boundMs;
  private long emitted = Long.MIN_VALUE;

  BoundedOutOfOrdernessWatermarks(Duration bound) {
    this.boundMs = bound.toMillis();
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
    long candidate = timestamp - boundMs - 1;
    long stepped = Math.floorDiv(candidate, STEP_MS) * STEP_MS;
    if (stepped > emitted) {
      emitted = stepped;
      output.emitWatermark(new Watermark(stepped));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    // Watermarks follow the records only; see the class comment.
  }
}
