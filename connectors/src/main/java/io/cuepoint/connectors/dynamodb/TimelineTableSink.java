package io.cuepoint.connectors.dynamodb;

import io.cuepoint.connectors.aws.AwsAccess;
import java.util.List;
import org.apache.flink.connector.dynamodb.sink.DynamoDbSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/**
 * Writes {@code media-context} records to the timeline table with Flink's DynamoDB sink
 * (BatchWriteItem, at-least-once: flushed at every checkpoint, repeated after a failure, and a
 * repeat overwrites the same item). Within a batch, a second write of the same key replaces the
 * first, since DynamoDB refuses a batch that names one key twice.
 */
public final class TimelineTableSink {
  private TimelineTableSink() {}

  public static DataStreamSink<String> write(
      DataStream<String> mediaContextJson, TimelineTableSettings settings, AwsAccess access) {
    DynamoDbSink<String> sink =
        DynamoDbSink.<String>builder()
            .setTableName(settings.tableName)
            .setElementConverter(new TimelineItems(settings.timeToLiveMs))
            .setDynamoDbProperties(access.connectorProperties())
            .setOverwriteByPartitionKeys(List.of(TimelineItems.MEDIA_ID, TimelineItems.POSITION_MS))
            .setMaxBatchSize(settings.maxBatchSize)
            .setFailOnError(false)
            .build();
    return mediaContextJson.sinkTo(sink).uid("timeline-table").name("write timeline table");
  }
}
