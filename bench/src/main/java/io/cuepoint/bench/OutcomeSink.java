package io.cuepoint.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Tallies each output JSON record by its id field and outcome field into the run's {@link
 * OutcomeTally}, which lives in this JVM next to the MiniCluster.
 */
final class OutcomeSink extends InJvmSink {
  private static final long serialVersionUID = 1L;
  private static final Map<String, OutcomeTally> TALLIES = new ConcurrentHashMap<>();

  private final String run;
  private final String idField;
  private final String outcomeField;

  OutcomeSink(String run, OutcomeTally tally, String idField, String outcomeField) {
    this.run = run;
    this.idField = idField;
    this.outcomeField = outcomeField;
    TALLIES.put(run, tally);
  }

  static void clear(String run) {
    TALLIES.remove(run);
  }

  /** The text of a string field of a flat JSON object, or "?" when it is missing. */
  static String field(String json, String name) {
    String key = "\"" + name + "\":\"";
    int at = json.indexOf(key);
    if (at < 0) {
      return "?";
    }
    int start = at + key.length();
    int end = json.indexOf('"', start);
    return end < 0 ? "?" : json.substring(start, end);
  }

  @Override
  SinkWriter<String> writer() {
    return new Writer();
  }

  private final class Writer implements SinkWriter<String> {
    @Override
    public void write(String json, Context context) {
      TALLIES.get(run).record(field(json, idField), field(json, outcomeField));
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}
