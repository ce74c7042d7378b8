package io.cuepoint.connectors.dynamodb;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.MediaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the timeline table: what was on screen in a media around a stream position.
 *
 * <p>Each item is one {@code media-context} window, keyed by {@code mediaId} and {@code
 * positionMs} (the stream position at the window's end), so a span of positions is one Query on
 * the key, never a scan:
 *
 * <pre>{@code
 * try (TimelineQuery timeline = TimelineQuery.connect(access, "cuepoint-timeline")) {
 *   // Windows ending from 10 s before to 5 s after position 754 s, oldest first.
 *   List<MediaContext> onScreen = timeline.around("final-2026", 754_000).join();
 *   onScreen.forEach(c -> System.out.println(c.positionMs + " " + Arrays.toString(c.products)));
 * }
 * }</pre>
 *
 * <p>Calls are asynchronous (the SDK's Netty client); a result larger than one Query page (1 MB)
 * is read page by page. The table is eventually consistent by default; {@code consistentRead}
 * asks for strong consistency at twice the read cost.
 */
public final class TimelineQuery implements AutoCloseable {
  /** How far before a position {@link #around} looks: the windows that led up to it. */
  public static final long BEFORE_MS = 10_000;
  /** How far after a position {@link #around} looks: the window that contains it. */
  public static final long AFTER_MS = 5_000;

  private final DynamoDbAsyncClient client;
  private final String table;
  private final boolean consistentRead;
  private final boolean ownsClient;

  /** Reads through a client the caller owns (and closes). */
  public TimelineQuery(DynamoDbAsyncClient client, String table, boolean consistentRead) {
    this(client, table, consistentRead, false);
  }

  private TimelineQuery(DynamoDbAsyncClient client, String table, boolean consistentRead, boolean ownsClient) {
    this.client = client;
    this.table = table;
    this.consistentRead = consistentRead;
    this.ownsClient = ownsClient;
  }

  /** Reads through a client of its own, closed with this. */
  public static TimelineQuery connect(AwsAccess access, String table) {
    return new TimelineQuery(access.configure(DynamoDbAsyncClient.builder()).build(), table, false, true);
  }

  /** The windows of a media that end from {@link #BEFORE_MS} before to {@link #AFTER_MS} after a position. */
  public CompletableFuture<List<MediaContext>> around(String mediaId, long positionMs) {
    return between(mediaId, positionMs - BEFORE_MS, positionMs + AFTER_MS);
  }

  /** The windows of a media whose end position is in {@code [fromMs, toMs]}, oldest first. */
  public CompletableFuture<List<MediaContext>> between(String mediaId, long fromMs, long toMs) {
    if (fromMs > toMs) {
      throw new IllegalArgumentException("fromMs " + fromMs + " is after toMs " + toMs);
    }
    QueryRequest first =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#m = :m AND #p BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":m", AttributeValue.fromS(mediaId),
                    ":from", AttributeValue.fromN(Long.toString(fromMs)),
                    ":to", AttributeValue.fromN(Long.toString(toMs))))
            .projectionExpression("#c")
            .expressionAttributeNames(
                Map.of("#m", TimelineItems.MEDIA_ID, "#p", TimelineItems.POSITION_MS, "#c", TimelineItems.CONTEXT))
            .scanIndexForward(true)
            .consistentRead(consistentRead)
            .build();
    return page(first, new ArrayList<>());
  }

  private CompletableFuture<List<MediaContext>> page(QueryRequest request, List<MediaContext> found) {
    return client
        .query(request)
        .thenCompose(
            response -> {
              for (Map<String, AttributeValue> item : response.items()) {
                found.add(decode(item));
              }
              if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return CompletableFuture.completedFuture(found);
              }
              return page(request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build(), found);
            });
  }

  private static MediaContext decode(Map<String, AttributeValue> item) {
    AttributeValue json = item.get(TimelineItems.CONTEXT);
    if (json == null || json.s() == null) {
      throw new CompletionException(new IllegalStateException("timeline item without a context attribute: " + item.keySet()));
    }
    try {
      return RecordCodec.decode(json.s(), MediaContext.class);
    } catch (RecordException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
