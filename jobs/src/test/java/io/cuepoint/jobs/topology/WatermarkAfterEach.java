package io.cuepoint.jobs.topology;

import java.util.List;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A watermark at every record's time, right after it: each record in its own segment of time. */
final class WatermarkAfterEach<T> implements WatermarkGenerator<T> {
  /**
   * The records in order, each followed by its watermark, on an embedded Flink at parallelism 1
   * with generic types off.
   */
  static <T> DataStream<T> stream(List<T> records, Class<T> type, SerializableTimestampAssigner<T> time) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.getConfig().disableGenericTypes();
    return env.fromData(records, TypeInformation.of(type))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<T>forGenerator(ctx -> new WatermarkAfterEach<>()).withTimestampAssigner(time));
  }

  @Override
  public void onEvent(T record, long eventTimestamp, WatermarkOutput output) {
    output.emitWatermark(new Watermark(eventTimestamp));
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
