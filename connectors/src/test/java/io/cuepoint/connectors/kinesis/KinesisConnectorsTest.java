package io.cuepoint.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.emulators.KinesisEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** KinesisStreamsSource and KinesisStreamsSink against the kinesis-local emulator on loopback. */
class KinesisConnectorsTest {
  @RegisterExtension static final KinesisEmulator KINESIS = new KinesisEmulator();

  @Test
  void copiesRecordsUnchangedAndKeepsEachMediaOnOneShardInOrder() throws Exception {
    StreamArn in = KINESIS.createStream("copy-in", 2);
    StreamArn out = KINESIS.createStream("copy-out", 4);
    List<String> records = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String media = "media-" + (i % 3);
      records.add("{\"mediaId\":\"" + media + "\",\"n\":" + i + ",\"nested\":{\"mediaId\":\"no\"}}");
      keys.add(media);
    }
    records.add("not json at all");
    keys.add("x");
    KINESIS.put("copy-in", keys, records);
    KINESIS.client().putRecord(b -> b.streamName("copy-in").partitionKey("y").data(SdkBytes.fromByteArray(new byte[] {(byte) 0xC3, 0x28})));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(500);
    KinesisSourceSettings source = new KinesisSourceSettings();
    source.startPosition = StartPosition.TRIM_HORIZON;
    KinesisSinkSettings sink = new KinesisSinkSettings();
    sink.maxTimeInBufferMs = 200;
    KinesisOutputs.write(
        KinesisInputs.read(env, "copy", in, KINESIS.access(), source), "copy", out, KINESIS.access(), sink, "mediaId");
    JobClient job = env.executeAsync("copy");
    try {
      List<String> copied = awaitRecords("copy-out", records.size() + 1, Duration.ofSeconds(60));
      assertThat(copied).containsAll(records);
      assertThat(copied).anySatisfy(r -> assertThat(r).contains("\uFFFD"));

      Map<String, List<String>> byShard = recordsByShard("copy-out");
      for (int m = 0; m < 3; m++) {
        String media = "\"mediaId\":\"media-" + m + "\"";
        List<String> shardsWithMedia =
            byShard.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(r -> r.contains(media)))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(shardsWithMedia).as(media).hasSize(1);
        List<Integer> order =
            byShard.get(shardsWithMedia.get(0)).stream()
                .filter(r -> r.contains(media))
                .map(r -> Integer.parseInt(r.replaceAll(".*\"n\":(\\d+).*", "$1")))
                .collect(Collectors.toList());
        assertThat(order).as(media).isSorted();
      }
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void readsWithEnhancedFanOut() throws Exception {
    StreamArn in = KINESIS.createStream("efo-in", 1);
    StreamArn out = KINESIS.createStream("efo-out", 1);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      records.add("{\"mediaId\":\"m\",\"n\":" + i + "}");
    }
    KINESIS.put("efo-in", Collections.nCopies(records.size(), "m"), records);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KinesisSourceSettings source = new KinesisSourceSettings();
    source.startPosition = StartPosition.TRIM_HORIZON;
    source.reader = ReaderType.EFO;
    source.efoConsumerName = "cuepoint-test";
    KinesisSinkSettings sink = new KinesisSinkSettings();
    sink.maxTimeInBufferMs = 200;
    KinesisOutputs.write(
        KinesisInputs.read(env, "efo", in, KINESIS.access(), source), "efo", out, KINESIS.access(), sink, "mediaId");
    JobClient job = env.executeAsync("efo");
    try {
      assertThat(awaitRecords("efo-out", records.size(), Duration.ofSeconds(60))).containsExactlyElementsOf(records);
      assertThat(KINESIS.client().listStreamConsumers(b -> b.streamARN(in.arn())).consumers())
          .extracting(c -> c.consumerName())
          .contains("cuepoint-test");
    } finally {
      job.cancel().get();
    }
  }

  private static List<String> awaitRecords(String stream, int count, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    List<String> records = KINESIS.readAll(stream);
    while (records.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      records = KINESIS.readAll(stream);
    }
    return records;
  }

  private static Map<String, List<String>> recordsByShard(String stream) {
    Map<String, List<String>> byShard = new java.util.TreeMap<>();
    for (Shard shard : KINESIS.client().listShards(b -> b.streamName(stream)).shards()) {
      String iterator =
          KINESIS.client()
              .getShardIterator(b -> b.streamName(stream).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      List<String> records = new ArrayList<>();
      for (Record r : KINESIS.client().getRecords(b -> b.shardIterator(iterator).limit(10_000)).records()) {
        records.add(r.data().asString(StandardCharsets.UTF_8));
      }
      byShard.put(shard.shardId(), records);
    }
    return byShard;
  }
}
