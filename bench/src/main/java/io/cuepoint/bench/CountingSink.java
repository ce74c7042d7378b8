package io.cuepoint.bench;

import io.cuepoint.schemas.StreamName;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Discards records as {@code DiscardingSink} does, counting them per output stream into the run's
 * tally in this JVM (next to the MiniCluster): a writer counts in a plain field and adds its count
 * once, when it closes, so the count costs the run nothing measurable.
 */
final class CountingSink extends InJvmSink {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicLongArray> COUNTS = new ConcurrentHashMap<>();

  private final String run;
  private final int stream;

  CountingSink(String run, StreamName stream) {
    this.run = run;
    this.stream = stream.ordinal();
    COUNTS.computeIfAbsent(run, r -> new AtomicLongArray(StreamName.values().length));
  }

  /** The records each output stream of the run received, and forgets the run. */
  static Map<StreamName, Long> take(String run) {
    AtomicLongArray counts = COUNTS.remove(run);
    Map<StreamName, Long> out = new EnumMap<>(StreamName.class);
    if (counts != null) {
      for (StreamName s : StreamName.values()) {
        if (counts.get(s.ordinal()) > 0) {
          out.put(s, counts.get(s.ordinal()));
        }
      }
    }
    return out;
  }

  @Override
  SinkWriter<String> writer() {
    return new Writer();
  }

  private final class Writer implements SinkWriter<String> {
    private long written;

    @Override
    public void write(String json, Context context) {
      written++;
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {
      COUNTS.get(run).addAndGet(stream, written);
    }
  }
}
