package io.cuepoint.operators.io;

import io.cuepoint.schemas.codec.OutputRecordEncoder;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/** Writes the records of one output stream as JSON, counting them on their way to the sink. */
public class EncodeOutput<T> extends RichMapFunction<T, String> {
  private static final long serialVersionUID = 1L;

  /** Accumulator of records written per output stream, used for replay summaries. */
  public static String writtenAccumulator(String stream) {
    return "cuepoint.written." + stream;
  }

  private final String stream;
  private transient LongCounter written;
  private transient OutputRecordEncoder encoder;

  public EncodeOutput(String stream) {
    this.stream = stream;
  }

  @Override
  public void open(Configuration parameters) {
    written = getRuntimeContext().getLongCounter(writtenAccumulator(stream));
    encoder = new OutputRecordEncoder();
  }

  @Override
  public String map(T record) {
    written.add(1L);
    return encoder.encode(record);
  }
}
