package io.cuepoint.connectors.kinesis;

import io.cuepoint.connectors.aws.AwsAccess;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.KinesisStreamsSource;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants.InitialPosition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;

/**
 * Reads an input stream as raw text records. Polling uses {@code KinesisStreamsSource}; enhanced
 * fan-out uses the connector's {@code FlinkKinesisConsumer}, because {@code KinesisStreamsSource}
 * of connector 4.3.0 reads by polling only. Event time and watermarks are assigned in the job,
 * after parsing, so both readers feed exactly the same path as a replay.
 */
public final class KinesisInputs {
  private static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private KinesisInputs() {}

  /**
   * @param id the input's name (e.g. {@code detections}); the operator's uid is derived from it
   *     and from the reader type, whose checkpointed positions differ in shape
   */
  public static DataStream<String> read(
      StreamExecutionEnvironment env,
      String id,
      StreamArn stream,
      AwsAccess access,
      KinesisSourceSettings settings) {
    AwsAccess inRegion = access.inRegion(stream.region());
    if (settings.reader == ReaderType.EFO) {
      return env.addSource(
              enhancedFanOut(stream, inRegion, settings), "read " + id + " (enhanced fan-out)", Types.STRING)
          .uid("source-efo-" + id)
          .name("read " + id + " (enhanced fan-out)");
    }
    return env.fromSource(
            polling(stream, inRegion, settings), WatermarkStrategy.noWatermarks(), "read " + id, Types.STRING)
        .uid("source-" + id)
        .name("read " + id);
  }

  static KinesisStreamsSource<String> polling(
      StreamArn stream, AwsAccess access, KinesisSourceSettings settings) {
    Configuration config = new Configuration();
    access.connectorProperties().forEach((k, v) -> config.setString((String) k, (String) v));
    config.set(
        KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
        InitialPosition.valueOf(settings.startPosition.name()));
    if (settings.startPosition == StartPosition.AT_TIMESTAMP) {
      config.set(KinesisStreamsSourceConfigConstants.STREAM_TIMESTAMP_DATE_FORMAT, TIMESTAMP_FORMAT);
      config.set(
          KinesisStreamsSourceConfigConstants.STREAM_INITIAL_TIMESTAMP,
          formatTimestamp(settings.startTimestampMs));
    }
    config.set(
        KinesisStreamsSourceConfigConstants.SHARD_DISCOVERY_INTERVAL_MILLIS,
        settings.shardDiscoveryIntervalMs);
    return KinesisStreamsSource.<String>builder()
        .setStreamArn(stream.arn())
        .setSourceConfig(config)
        .setDeserializationSchema(new RawRecords())
        .build();
  }

  static FlinkKinesisConsumer<String> enhancedFanOut(
      StreamArn stream, AwsAccess access, KinesisSourceSettings settings) {
    Properties config = access.connectorProperties();
    config.setProperty(
        ConsumerConfigConstants.RECORD_PUBLISHER_TYPE,
        ConsumerConfigConstants.RecordPublisherType.EFO.name());
    config.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, settings.efoConsumerName);
    config.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, settings.startPosition.name());
    if (settings.startPosition == StartPosition.AT_TIMESTAMP) {
      config.setProperty(ConsumerConfigConstants.STREAM_TIMESTAMP_DATE_FORMAT, TIMESTAMP_FORMAT);
      config.setProperty(
          ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP, formatTimestamp(settings.startTimestampMs));
    }
    config.setProperty(
        ConsumerConfigConstants.SHARD_DISCOVERY_INTERVAL_MILLIS,
        Long.toString(settings.shardDiscoveryIntervalMs));
    return new FlinkKinesisConsumer<>(stream.name(), new RawRecords(), config);
  }

  private static String formatTimestamp(long epochMs) {
    SimpleDateFormat format = new SimpleDateFormat(TIMESTAMP_FORMAT);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new Date(epochMs));
  }
}
