package io.cuepoint.operators.io;

import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.InputDecoder;
import io.cuepoint.schemas.codec.RecordException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates the raw records of one input stream. A record that fails becomes a dead
 * letter naming the stream and the reason; nothing here throws, so bad input never stops the job.
 * Blank lines between records are skipped (and counted): they carry nothing to lose.
 */
public class ParseRecords<T> extends ProcessFunction<String, T> {
  private static final long serialVersionUID = 1L;

  /** Accumulator of raw records read per stream, used for replay progress and summaries. */
  public static String readAccumulator(String stream) {
    return "cuepoint.read." + stream;
  }

  /** Accumulator of records rejected per stream. */
  public static String rejectedAccumulator(String stream) {
    return "cuepoint.rejected." + stream;
  }

  private final InputDecoder<T> decoder;
  private transient LongCounter read;
  private transient LongCounter rejectedTotal;
  private transient Counter parsed;
  private transient Counter rejected;
  private transient Counter blank;

  public ParseRecords(InputDecoder<T> decoder) {
    this.decoder = decoder;
  }

  @Override
  public void open(Configuration parameters) {
    String stream = decoder.stream().id();
    read = getRuntimeContext().getLongCounter(readAccumulator(stream));
    rejectedTotal = getRuntimeContext().getLongCounter(rejectedAccumulator(stream));
    var metrics = getRuntimeContext().getMetricGroup().addGroup("input", stream);
    parsed = metrics.counter("recordsParsed");
    rejected = metrics.counter("deadLetters");
    blank = metrics.counter("blankLines");
  }

  @Override
  public void processElement(String raw, Context ctx, Collector<T> out) {
    if (raw.isBlank()) {
      blank.inc();
      return;
    }
    read.add(1L);
    try {
      out.collect(decoder.decode(raw));
      parsed.inc();
    } catch (RecordException e) {
      rejected.inc();
      rejectedTotal.add(1L);
      ctx.output(
          DeadLetterTag.DEAD_LETTERS,
          DeadLetters.of(
              decoder.stream().id(), e.getMessage(), raw, ctx.timerService().currentProcessingTime()));
    }
  }
}
