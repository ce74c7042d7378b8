package io.cuepoint.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Records, for each output record, the time from its triggering input's injection (its event time,
 * stamped with the wall clock when the source made it) to the moment it leaves the job.
 */
final class LatencySink extends InJvmSink {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<long[]>> SAMPLES = new ConcurrentHashMap<>();

  private final String run;

  LatencySink(String run) {
    this.run = run;
    SAMPLES.put(run, new ConcurrentLinkedQueue<>());
  }

  /** Pairs of (leave time, latency) in milliseconds. */
  static ConcurrentLinkedQueue<long[]> samples(String run) {
    return SAMPLES.get(run);
  }

  static void clear(String run) {
    SAMPLES.remove(run);
  }

  @Override
  SinkWriter<String> writer() {
    return new Writer(run);
  }

  private static final class Writer implements SinkWriter<String> {
    private final String run;

    Writer(String run) {
      this.run = run;
    }

    @Override
    public void write(String json, Context context) {
      long now = System.currentTimeMillis();
      int at = json.indexOf("\"eventTime\":");
      if (at < 0) {
        return;
      }
      int start = at + 12;
      int end = start;
      while (end < json.length() && Character.isDigit(json.charAt(end))) {
        end++;
      }
      long eventTime = Long.parseLong(json.substring(start, end));
      SAMPLES.get(run).add(new long[] {now, now - eventTime});
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}
