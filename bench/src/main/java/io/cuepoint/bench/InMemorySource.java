package io.cuepoint.bench;

import io.cuepoint.schemas.StreamName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Feeds pre-serialized records from memory. The MiniCluster runs in this JVM, so the sources read
 * the arrays through a static registry instead of shipping them inside the job graph.
 * {@link DataGeneratorSource} gives each subtask a contiguous index range; the index is spread so
 * that every subtask reads its share of the whole event-time range, as parallel shards would.
 */
final class InMemorySource {
  private static final Map<String, String[]> REGISTRY = new ConcurrentHashMap<>();

  private InMemorySource() {}

  static DataStream<String> of(
      StreamExecutionEnvironment env, String runId, StreamName stream, String[] records, int parallelism) {
    String key = runId + "/" + stream.id();
    REGISTRY.put(key, records);
    int n = records.length - records.length % parallelism;
    int chunk = n / parallelism;
    GeneratorFunction<Long, String> read =
        index -> REGISTRY.get(key)[(int) ((index % chunk) * parallelism + index / chunk)];
    return env.fromSource(
            new DataGeneratorSource<>(read, n, Types.STRING), WatermarkStrategy.noWatermarks(), "memory " + stream.id())
        .uid("source-" + stream.id());
  }

  static void clear(String runId) {
    REGISTRY.keySet().removeIf(k -> k.startsWith(runId + "/"));
  }
}
