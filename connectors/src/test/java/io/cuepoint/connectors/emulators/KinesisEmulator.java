package io.cuepoint.connectors.emulators;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.kinesis.StreamArn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The npm emulator {@code kinesis-local} (kinesis-mock for Node) on a free loopback port, over
 * plain HTTP, for one test class: {@code @RegisterExtension static KinesisEmulator kinesis = new
 * KinesisEmulator();}. Its account is {@value #ACCOUNT} and its region {@value #REGION}.
 */
public final class KinesisEmulator implements BeforeAllCallback, AfterAllCallback {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";

  private EmulatorProcess process;
  private int port;
  private KinesisClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    // kinesis-local's CBOR encoder cuts GetRecords answers of more than about 10 KB short (the
    // SDK then fails to unmarshall them); its JSON protocol, which Kinesis serves too, has no such
    // limit. The setting is per JVM: a job run inside the test's JVM speaks JSON as well.
    System.setProperty("aws.cborEnabled", "false");
    port = EmulatorProcess.freePort();
    int tlsPort = EmulatorProcess.freePort();
    Path certificate = NodePackages.installed().resolve("node_modules/kinesis-local/server.json");
    process =
        EmulatorProcess.start(
            "kinesis-local",
            "node_modules/kinesis-local/main.js",
            List.of(),
            Map.of(
                "KINESIS_MOCK_PLAIN_PORT", Integer.toString(port),
                "KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort),
                "KINESIS_MOCK_CERT_PATH", certificate.toString(),
                "AWS_REGION", REGION,
                "CREATE_STREAM_DURATION", "50ms",
                "REGISTER_STREAM_CONSUMER_DURATION", "50ms",
                "LOG_LEVEL", "WARN"),
            port);
    client = access().configure(KinesisClient.builder()).build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (process != null) {
      process.close();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public AwsAccess access() {
    return new AwsAccess(REGION, endpoint(), true);
  }

  public StreamArn arn(String stream) {
    return StreamArn.of("aws", REGION, ACCOUNT, stream);
  }

  public KinesisClient client() {
    return client;
  }

  /** Creates a stream and waits until it is active. */
  public StreamArn createStream(String name, int shards) {
    client.createStream(b -> b.streamName(name).shardCount(shards));
    long deadline = System.currentTimeMillis() + 30_000;
    while (client.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus()
        != StreamStatus.ACTIVE) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("stream " + name + " did not become active");
      }
      pause(50);
    }
    return arn(name);
  }

  /** Writes records in order, each with its partition key, in PutRecords batches of up to 500. */
  public void put(String stream, List<String> partitionKeys, List<String> records) {
    for (int from = 0; from < records.size(); from += 500) {
      List<PutRecordsRequestEntry> batch = new ArrayList<>();
      for (int i = from; i < Math.min(records.size(), from + 500); i++) {
        batch.add(
            PutRecordsRequestEntry.builder()
                .partitionKey(partitionKeys.get(i))
                .data(SdkBytes.fromString(records.get(i), StandardCharsets.UTF_8))
                .build());
      }
      PutRecordsResponse response = client.putRecords(b -> b.streamName(stream).records(batch));
      if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
        throw new IllegalStateException(response.failedRecordCount() + " records were not written to " + stream);
      }
    }
  }

  /** Every record a stream holds now, shard by shard, oldest first within a shard. */
  public List<String> readAll(String stream) {
    List<String> records = new ArrayList<>();
    for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
      String iterator =
          client.getShardIterator(
                  b -> b.streamName(stream).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse response = client.getRecords(b -> b.shardIterator(current).limit(10_000));
        for (Record r : response.records()) {
          records.add(r.data().asUtf8String());
        }
        Long behind = response.millisBehindLatest();
        if (response.records().isEmpty() && (behind == null || behind == 0)) {
          break;
        }
        iterator = response.nextShardIterator();
      }
    }
    return records;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
