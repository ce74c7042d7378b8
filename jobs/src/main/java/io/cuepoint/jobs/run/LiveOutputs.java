package io.cuepoint.jobs.run;

import io.cuepoint.connectors.dynamodb.TimelineTableSink;
import io.cuepoint.connectors.kinesis.KinesisOutputs;
import io.cuepoint.connectors.kinesis.StreamArn;
import io.cuepoint.jobs.topology.OutputSinks;
import io.cuepoint.schemas.StreamName;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of a live run: each output stream to its Kinesis stream (an output set to none is
 * not written), and media-context also to the timeline table.
 */
final class LiveOutputs implements OutputSinks {
  private final LiveConfig live;

  LiveOutputs(LiveConfig live) {
    this.live = live;
  }

  @Override
  public void write(StreamName stream, DataStream<String> json) {
    StreamArn arn = live.outputs.get(stream);
    if (arn != null) {
      KinesisOutputs.write(json, stream.id(), arn, live.kinesis, live.sink, partitionKeyField(stream));
    }
    if (stream == StreamName.MEDIA_CONTEXT && live.table != null) {
      TimelineTableSink.write(json, live.table, live.tableAccess);
    }
  }

  /**
   * The field whose records must stay in order on one shard: a media's records, a viewer's
   * actions. Dead letters have no media; their id spreads them over the shards.
   */
  static String partitionKeyField(StreamName stream) {
    switch (stream) {
      case VIEWER_ACTIONS:
        return "viewerId";
      case DEAD_LETTERS:
        return "id";
      default:
        return "mediaId";
    }
  }
}
