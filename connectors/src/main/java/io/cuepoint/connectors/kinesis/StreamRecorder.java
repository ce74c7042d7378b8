package io.cuepoint.connectors.kinesis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Copies the records a Kinesis stream received between two times into a {@code .jsonl} file, one
 * record per line, so that {@code replay} can re-run a past event. Every shard (open or closed
 * within the retention period) is read from its first record at or after {@code from}; records
 * are written in the order they arrived (shards merged by arrival time, each shard in sequence
 * order), which is the order the live job saw them in, within the out-of-orderness that its
 * watermarks allow. Records that are not JSON are kept, so a replay rejects them as the live job
 * did; line breaks inside a record become spaces, which keeps JSON valid.
 */
public final class StreamRecorder {
  /** Kinesis allows five GetRecords calls per shard per second. */
  private static final long CALL_INTERVAL_MS = 200;
  private static final long THROTTLED_PAUSE_MS = 1_000;

  private final KinesisClient client;
  private final String stream;

  /** @param stream the stream's ARN or its name */
  public StreamRecorder(KinesisClient client, String stream) {
    this.client = client;
    this.stream = stream;
  }

  /** What a recording run did. */
  public static final class Result {
    public final long records;
    public final int shards;

    Result(long records, int shards) {
      this.records = records;
      this.shards = shards;
    }
  }

  /** Records that arrived at or after {@code from} and before {@code to}, into {@code out}. */
  public Result record(Instant from, Instant to, Path out) throws IOException, InterruptedException {
    List<Shard> shards = shards();
    List<Arrived> arrived = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      readShard(shards.get(i).shardId(), i, from, to, arrived);
    }
    arrived.sort(
        Comparator.comparing((Arrived a) -> a.at).thenComparingInt(a -> a.shard).thenComparingLong(a -> a.order));
    Path absolute = out.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      for (Arrived a : arrived) {
        w.write(a.text.replace('\r', ' ').replace('\n', ' '));
        w.write('\n');
      }
    }
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    return new Result(arrived.size(), shards.size());
  }

  private List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    ListShardsResponse page = client.listShards(named(ListShardsRequest.builder()).build());
    shards.addAll(page.shards());
    while (page.nextToken() != null) {
      String token = page.nextToken();
      page = client.listShards(b -> b.nextToken(token));
      shards.addAll(page.shards());
    }
    return shards;
  }

  private void readShard(String shardId, int shardIndex, Instant from, Instant to, List<Arrived> into)
      throws InterruptedException {
    String iterator =
        client
            .getShardIterator(
                b -> {
                  b.shardId(shardId).shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(from);
                  if (StreamArn.looksLikeArn(stream)) {
                    b.streamARN(stream);
                  } else {
                    b.streamName(stream);
                  }
                })
            .shardIterator();
    long order = 0;
    while (iterator != null) {
      GetRecordsResponse response;
      try {
        String current = iterator;
        response =
            client.getRecords(
                b -> {
                  b.shardIterator(current).limit(10_000);
                  if (StreamArn.looksLikeArn(stream)) {
                    b.streamARN(stream);
                  }
                });
      } catch (ProvisionedThroughputExceededException e) {
        Thread.sleep(THROTTLED_PAUSE_MS);
        continue;
      }
      for (Record r : response.records()) {
        if (!r.approximateArrivalTimestamp().isBefore(to)) {
          return;
        }
        into.add(new Arrived(r.approximateArrivalTimestamp(), shardIndex, order++, r.data().asUtf8String()));
      }
      Long behind = response.millisBehindLatest();
      if (response.records().isEmpty() && (behind == null || behind == 0)) {
        return;
      }
      iterator = response.nextShardIterator();
      Thread.sleep(CALL_INTERVAL_MS);
    }
  }

  private ListShardsRequest.Builder named(ListShardsRequest.Builder b) {
    return StreamArn.looksLikeArn(stream) ? b.streamARN(stream) : b.streamName(stream);
  }

  private static final class Arrived {
    final Instant at;
    final int shard;
    final long order;
    final String text;

    Arrived(Instant at, int shard, long order, String text) {
      this.at = at;
      this.shard = shard;
      this.order = order;
      this.text = text;
    }
  }
}
