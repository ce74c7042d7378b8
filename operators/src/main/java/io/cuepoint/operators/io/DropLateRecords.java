package io.cuepoint.operators.io;

import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordCodec;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends records that arrive at or behind their own stream's watermark to the dead letters.
 *
 * <p>Chained right after the watermark assigner, this judges each record by the watermark its
 * stream's earlier records allow ({@link StreamWatermark}, the same computation the assigner emits
 * from), not by the watermark last emitted, which follows a processing-time period. So whether a
 * record is late depends only on the order of its own stream, and a replay decides it the same
 * way every time. The emitted watermark is never ahead of this one, so downstream operators that
 * combine streams never see a late record, whatever the timing of their other inputs.
 */
public class DropLateRecords<T> extends ProcessFunction<T, T> {
  private static final long serialVersionUID = 1L;

  /** Accumulator of records dropped as late per stream. */
  public static String lateAccumulator(String stream) {
    return "cuepoint.late." + stream;
  }

  private final String stream;
  private final Duration outOfOrderness;
  private transient StreamWatermark watermark;
  private transient Counter late;
  private transient LongCounter lateTotal;

  public DropLateRecords(String stream, Duration outOfOrderness) {
    this.stream = stream;
    this.outOfOrderness = outOfOrderness;
  }

  @Override
  public void open(Configuration parameters) {
    watermark = new StreamWatermark(outOfOrderness);
    late = getRuntimeContext().getMetricGroup().addGroup("input", stream).counter("lateRecords");
    lateTotal = getRuntimeContext().getLongCounter(lateAccumulator(stream));
  }

  @Override
  public void processElement(T record, Context ctx, Collector<T> out) {
    long watermark = this.watermark.current();
    Long timestamp = ctx.timestamp();
    if (timestamp == null) {
      out.collect(record);
      return;
    }
    this.watermark.observe(timestamp);
    if (timestamp <= watermark) {
      late.inc();
      lateTotal.add(1L);
      ctx.output(
          DeadLetterTag.DEAD_LETTERS,
          DeadLetters.of(
              stream,
              "late: eventTime "
                  + timestamp
                  + " is behind the watermark "
                  + watermark
                  + " (more out of order than the configured bound)",
              RecordCodec.encode(record),
              ctx.timerService().currentProcessingTime()));
      return;
    }
    out.collect(record);
  }
}
