package io.cuepoint.bench;

import com.sun.management.OperatingSystemMXBean;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.InputDecoder;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** Builds and runs one job over in-memory input on a fresh MiniCluster. */
final class JobRunner {
  static final int PARALLELISM = 2;
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private JobRunner() {}

  static Configuration flinkConfiguration(String bufferTimeout) {
    Configuration conf = new Configuration();
    conf.setString("taskmanager.memory.network.min", "128mb");
    conf.setString("taskmanager.memory.network.max", "128mb");
    conf.setString("taskmanager.memory.managed.size", "256mb");
    conf.setString("execution.buffer-timeout.interval", bufferTimeout);
    conf.setString("restart-strategy.type", "none");
    conf.setString("pipeline.generic-types", "false");
    return conf;
  }

  /**
   * Parse and validate every input, discard the records: the cost of the sources and the codec,
   * with the job's object reuse and record types, so the baseline pays for nothing the job does not
   * (without object reuse, Flink deep-copied each parsed record on its way to the sink).
   */
  static Measurement baseline(BenchInput input) throws Exception {
    String run = UUID.randomUUID().toString();
    Configuration conf = flinkConfiguration("100ms");
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
    for (Map.Entry<StreamName, String[]> e : input.records.entrySet()) {
      parseAndDiscard(InMemorySource.of(env, run, e.getKey(), e.getValue(), PARALLELISM), e.getKey());
    }
    return execute(env, run, "baseline: parse + validate + discard", input.total());
  }

  private static <T> void parseAndDiscard(DataStream<String> raw, StreamName stream) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) stream.recordType();
    raw.process(new ParseRecords<>(InputDecoder.forStream(stream, type)), RecordTypes.of(type))
        .uid("parse-" + stream.id())
        .sinkTo(new DiscardingSink<>())
        .uid("discard-" + stream.id());
  }

  /** The whole job graph, outputs discarded. */
  static Measurement fullPath(String name, BenchInput input, CuepointConfig config, Configuration flink)
      throws Exception {
    String run = UUID.randomUUID().toString();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, flink);
    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    for (Map.Entry<StreamName, String[]> e : input.records.entrySet()) {
      inputs.put(e.getKey(), InMemorySource.of(env, run, e.getKey(), e.getValue(), PARALLELISM));
    }
    CuepointTopology.build(
        env, inputs, (stream, json) -> json.sinkTo(new CountingSink(run, stream)).uid("discard-" + stream.id()), config);
    Measurement m = execute(env, run, name, input.total());
    return m.withOutputs(CountingSink.take(run));
  }

  private static Measurement execute(StreamExecutionEnvironment env, String run, String name, long events)
      throws Exception {
    long cpuBefore = OS.getProcessCpuTime();
    try {
      JobExecutionResult result = env.execute(name);
      return new Measurement(name, events, result.getNetRuntime(), OS.getProcessCpuTime() - cpuBefore);
    } finally {
      InMemorySource.clear(run);
    }
  }
}
