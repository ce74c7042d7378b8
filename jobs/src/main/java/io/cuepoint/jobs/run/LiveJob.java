package io.cuepoint.jobs.run;

import io.cuepoint.connectors.kinesis.KinesisInputs;
import io.cuepoint.connectors.kinesis.StreamArn;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.schemas.StreamName;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The live job: the same {@link CuepointTopology} as a replay, reading the input Kinesis streams
 * and writing the output streams and the timeline table, with checkpoints.
 */
public final class LiveJob {
  private LiveJob() {}

  /**
   * @param setParallelism false on Managed Flink, whose application settings decide parallelism
   */
  public static void build(
      StreamExecutionEnvironment env, CuepointConfig config, LiveConfig live, boolean setParallelism) {
    if (setParallelism) {
      env.setParallelism(config.get(Settings.PARALLELISM));
    }
    env.configure(checkpoints(config));
    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    for (Map.Entry<StreamName, StreamArn> input : live.inputs.entrySet()) {
      inputs.put(
          input.getKey(),
          KinesisInputs.read(env, input.getKey().id(), input.getValue(), live.kinesis, live.source));
    }
    CuepointTopology.build(env, inputs, new LiveOutputs(live), config);
  }

  static Configuration checkpoints(CuepointConfig config) {
    Configuration c = new Configuration();
    c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.get(Settings.CHECKPOINT_INTERVAL));
    c.set(
        CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
        config.get(Settings.CHECKPOINT_MODE).equals("exactly-once")
            ? CheckpointingMode.EXACTLY_ONCE
            : CheckpointingMode.AT_LEAST_ONCE);
    c.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, config.get(Settings.CHECKPOINT_MIN_PAUSE));
    c.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, config.get(Settings.CHECKPOINT_TIMEOUT));
    c.set(StateBackendOptions.STATE_BACKEND, config.get(Settings.STATE_BACKEND));
    if (config.get(Settings.STATE_BACKEND).equals("rocksdb")) {
      c.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    }
    return c;
  }
}
