package io.cuepoint.connectors.kinesis;

import io.cuepoint.connectors.aws.AwsAccess;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/**
 * Writes an output stream's JSON records to a Kinesis data stream. The sink is at-least-once: it
 * flushes its buffer on every checkpoint, and after a failure the records since the last
 * checkpoint are written again; each record's stable id lets consumers drop the repeats.
 */
public final class KinesisOutputs {
  private KinesisOutputs() {}

  /**
   * @param id the output's name (e.g. {@code media-context}), which the sink's uid is made from
   * @param partitionKeyField top-level JSON field whose value keeps related records in order
   */
  public static DataStreamSink<String> write(
      DataStream<String> json,
      String id,
      StreamArn stream,
      AwsAccess access,
      KinesisSinkSettings settings,
      String partitionKeyField) {
    return json.sinkTo(sink(stream, access, settings, partitionKeyField))
        .uid("sink-" + id)
        .name("write " + id);
  }

  static KinesisStreamsSink<String> sink(
      StreamArn stream, AwsAccess access, KinesisSinkSettings settings, String partitionKeyField) {
    return KinesisStreamsSink.<String>builder()
        .setStreamArn(stream.arn())
        .setKinesisClientProperties(access.inRegion(stream.region()).connectorProperties())
        .setSerializationSchema(new Utf8Records())
        .setPartitionKeyGenerator(new JsonFieldPartitionKey(partitionKeyField))
        .setMaxBatchSize(settings.maxBatchSize)
        .setMaxInFlightRequests(settings.maxInFlightRequests)
        .setMaxBufferedRequests(settings.maxBufferedRequests)
        .setMaxTimeInBufferMS(settings.maxTimeInBufferMs)
        .setFailOnError(false)
        .build();
  }
}
