package io.cuepoint.jobs.topology;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/** A watermark at every record's time, right after it: each record in its own segment of time. */
final class WatermarkAfterEach<T> implements WatermarkGenerator<T> {
  @Override
  public void onEvent(T record, long eventTimestamp, WatermarkOutput output) {
    output.emitWatermark(new Watermark(eventTimestamp));
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
