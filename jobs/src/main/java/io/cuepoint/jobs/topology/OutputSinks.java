package io.cuepoint.jobs.topology;

import io.cuepoint.schemas.StreamName;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the job's output streams go: files in a replay, Kinesis streams in a live run. */
@FunctionalInterface
public interface OutputSinks {
  /** Attaches the sink of one output stream to its records, already written as JSON. */
  void write(StreamName stream, DataStream<String> json);
}
