package io.cuepoint.jobs.replay;

import io.cuepoint.operators.io.DropLateRecords;
import io.cuepoint.operators.io.EncodeOutput;
import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.schemas.StreamName;
import java.util.Map;

/** Records in and out of a finished replay, from the job's accumulators. */
public final class ReplaySummary {
  private final Map<String, Object> accumulators;
  private final long wallMillis;

  ReplaySummary(Map<String, Object> accumulators, long wallMillis) {
    this.accumulators = accumulators;
    this.wallMillis = wallMillis;
  }

  public long read(StreamName input) {
    return count(ParseRecords.readAccumulator(input.id()));
  }

  public long rejected(StreamName input) {
    return count(ParseRecords.rejectedAccumulator(input.id()));
  }

  public long late(StreamName input) {
    return count(DropLateRecords.lateAccumulator(input.id()));
  }

  public long written(StreamName output) {
    return count(EncodeOutput.writtenAccumulator(output.id()));
  }

  public long totalRead() {
    long total = 0;
    for (StreamName s : StreamName.values()) {
      if (s.isInput()) {
        total += read(s);
      }
    }
    return total;
  }

  public long wallMillis() {
    return wallMillis;
  }

  /** The lines printed when a replay ends. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    double seconds = wallMillis / 1000.0;
    out.append(
        String.format(
            "replay finished in %.1f s: %,d records read, %,.0f records/s%n",
            seconds, totalRead(), totalRead() / Math.max(seconds, 0.001)));
    for (StreamName s : StreamName.values()) {
      if (s.isInput()) {
        out.append(
            String.format(
                "  in   %-20s %,10d   (%,d rejected, %,d late)%n",
                s.id(), read(s), rejected(s), late(s)));
      }
    }
    for (StreamName s : StreamName.values()) {
      if (!s.isInput()) {
        out.append(String.format("  out  %-20s %,10d%n", s.id(), written(s)));
      }
    }
    return out.toString();
  }

  private long count(String name) {
    Object value = accumulators.get(name);
    return value instanceof Number ? ((Number) value).longValue() : 0L;
  }
}
