package io.cuepoint.connectors.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.emulators.DynamoDbEmulator;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.MediaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The timeline table written by Flink's DynamoDB sink and read back with {@link TimelineQuery},
 * against dynalite on loopback.
 */
class TimelineTableTest {
  @RegisterExtension static final DynamoDbEmulator DYNAMO = new DynamoDbEmulator();

  static final String TABLE = "timeline";
  static final long T0 = 1_780_167_600_000L;
  static final List<MediaContext> WRITTEN = new ArrayList<>();

  @BeforeAll
  static void writeTwoMediaThroughTheSink() throws Exception {
    DYNAMO.createTimelineTable(TABLE);
    List<String> json = new ArrayList<>();
    for (String media : List.of("final", "semi")) {
      for (long end = 5_000; end <= 120_000; end += 5_000) {
        MediaContext c = context(media, end);
        WRITTEN.add(c);
        json.add(RecordCodec.encode(c));
      }
    }
    // At-least-once: a repeated record (same key, same content) must leave one item.
    json.add(json.get(3));
    json.add(json.get(3));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    TimelineTableSettings settings = new TimelineTableSettings();
    settings.tableName = TABLE;
    settings.timeToLiveMs = 3_600_000;
    TimelineTableSink.write(env.fromData(json), settings, DYNAMO.access());
    env.execute("timeline table");
  }

  @Test
  void everyWindowIsOneItemWithItsKeysAndExpiry() {
    List<Map<String, AttributeValue>> items = DYNAMO.scan(TABLE);
    assertThat(items).hasSize(WRITTEN.size());
    Map<String, AttributeValue> item =
        items.stream()
            .filter(i -> i.get("mediaId").s().equals("final") && i.get("positionMs").n().equals("75000"))
            .findFirst()
            .orElseThrow();
    assertThat(item.get("id").s()).isEqualTo("final:" + (T0 + 15_000));
    assertThat(item.get("windowStartMs").n()).isEqualTo("60000");
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString((T0 + 15_000 + 3_600_000) / 1000));
  }

  @Test
  void aroundAPositionIsTheWindowsEndingTenSecondsBeforeToFiveAfter() {
    try (TimelineQuery timeline = TimelineQuery.connect(DYNAMO.access(), TABLE)) {
      List<MediaContext> found = timeline.around("final", 77_500).join();
      assertThat(found).extracting(c -> c.positionMs).containsExactly(70_000L, 75_000L, 80_000L);
      assertThat(found).allSatisfy(c -> assertThat(c.mediaId).isEqualTo("final"));
      assertThat(found.get(1)).isEqualTo(WRITTEN.stream().filter(c -> c.mediaId.equals("final") && c.positionMs == 75_000).findFirst().orElseThrow());
      assertThat(timeline.around("semi", 100_000).join()).extracting(c -> c.positionMs).containsExactly(90_000L, 95_000L, 100_000L, 105_000L);
      assertThat(timeline.around("nobody", 60_000).join()).isEmpty();
    }
  }

  @Test
  void aLongSpanIsReadPageByPage() {
    try (DynamoDbAsyncClient client = DYNAMO.access().configure(DynamoDbAsyncClient.builder()).build()) {
      TimelineQuery timeline = new TimelineQuery(client, TABLE, true);
      List<MediaContext> all = timeline.between("semi", 0, Long.MAX_VALUE).join();
      assertThat(all).extracting(c -> c.positionMs).isSorted().hasSize(24);
      assertThat(all.stream().map(c -> c.mediaId).collect(Collectors.toSet())).containsExactly("semi");
    }
  }

  /** A window of a media; its stream position is 60 s ahead of its event time offset. */
  static MediaContext context(String media, long endOffsetMs) {
    MediaContext c = new MediaContext();
    c.mediaId = media;
    c.eventTime = T0 + endOffsetMs;
    c.id = media + ":" + c.eventTime;
    c.positionMs = 60_000 + endOffsetMs;
    c.windowEndMs = c.positionMs;
    c.windowStartMs = c.positionMs - 15_000;
    ContextItem label = new ContextItem();
    label.name = "Soccer";
    label.confidence = 90.0;
    label.frames = (int) (endOffsetMs / 5_000);
    c.labels = new ContextItem[] {label};
    c.celebrities = new ContextItem[0];
    c.products = new ContextItem[] {label};
    return c;
  }
}
