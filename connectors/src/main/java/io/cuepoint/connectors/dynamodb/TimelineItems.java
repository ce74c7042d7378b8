package io.cuepoint.connectors.dynamodb;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.MediaContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One timeline table item per {@code media-context} record: the keys ({@code mediaId}, {@code
 * positionMs}), the window's bounds and event time as numbers for filters, and the whole record
 * as JSON in {@code context}, so readers get exactly the published record. Writing an item again
 * (after a failure) overwrites it with the same content.
 */
public class TimelineItems implements ElementConverter<String, DynamoDbWriteRequest> {
  private static final long serialVersionUID = 1L;

  public static final String MEDIA_ID = "mediaId";
  public static final String POSITION_MS = "positionMs";
  public static final String ID = "id";
  public static final String WINDOW_START_MS = "windowStartMs";
  public static final String EVENT_TIME = "eventTime";
  public static final String CONTEXT = "context";
  public static final String EXPIRES_AT = "expiresAt";

  private final long timeToLiveMs;

  public TimelineItems(long timeToLiveMs) {
    this.timeToLiveMs = timeToLiveMs;
  }

  @Override
  public DynamoDbWriteRequest apply(String json, SinkWriter.Context context) {
    MediaContext record;
    try {
      record = RecordCodec.decode(json, MediaContext.class);
    } catch (RecordException e) {
      // The job wrote this JSON itself a moment ago: failing to read it back is a bug, not input.
      throw new IllegalStateException("media-context record is not readable: " + e.getMessage(), e);
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(MEDIA_ID, AttributeValue.fromS(record.mediaId));
    item.put(POSITION_MS, number(record.positionMs));
    item.put(ID, AttributeValue.fromS(record.id));
    item.put(WINDOW_START_MS, number(record.windowStartMs));
    item.put(EVENT_TIME, number(record.eventTime));
    item.put(CONTEXT, AttributeValue.fromS(json));
    if (timeToLiveMs > 0) {
      item.put(EXPIRES_AT, number((record.eventTime + timeToLiveMs) / 1000));
    }
    return DynamoDbWriteRequest.builder().setType(DynamoDbWriteRequestType.PUT).setItem(item).build();
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
