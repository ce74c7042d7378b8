package io.cuepoint.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.fetch.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The publisher against a loopback server speaking Kinesis' JSON protocol, which refuses chosen
 * records of a PutRecords call the way Kinesis does (per-record error codes in a 200 answer).
 */
class PutRecordsPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoopbackHttp server;
  private KinesisAsyncClient client;
  /** Every record the stub accepted, in order. */
  private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
  /** Per record data: the error code to answer, or null to store it. */
  private volatile Function<String, String> refuse = data -> null;

  @BeforeAll
  static void json() {
    System.setProperty("aws.cborEnabled", "false");
  }

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackHttp();
    server.on("/", x -> {
      JsonNode request = JSON.readTree(x.getRequestBody());
      ObjectNode answer = JSON.createObjectNode();
      ArrayNode results = answer.putArray("Records");
      int failed = 0;
      for (JsonNode r : request.get("Records")) {
        String data = new String(Base64.getDecoder().decode(r.get("Data").asText()), StandardCharsets.UTF_8);
        String error = refuse.apply(data);
        ObjectNode result = results.addObject();
        if (error == null) {
          stored.add(data);
          result.put("SequenceNumber", Integer.toString(stored.size())).put("ShardId", "shardId-000000000000");
        } else {
          failed++;
          result.put("ErrorCode", error).put("ErrorMessage", "refused by the test");
        }
      }
      answer.put("FailedRecordCount", failed);
      x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      LoopbackHttp.send(x, 200, JSON.writeValueAsBytes(answer));
    });
    // The stub speaks HTTP/1.1; the client's default for Kinesis is HTTP/2.
    client =
        new AwsAccess("us-east-1", "http://127.0.0.1:" + server.port(), true)
            .configure(KinesisAsyncClient.builder())
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void sendsRecordsKinesisRefusedForThroughputAgainUntilTheyAreIn() throws Exception {
    List<String> refusedOnce = Collections.synchronizedList(new ArrayList<>());
    refuse = data -> data.endsWith("3") && !refusedOnce.contains(data) && refusedOnce.add(data) ? "ProvisionedThroughputExceededException" : null;
    try (PutRecordsPublisher publisher = new PutRecordsPublisher(client, "segments", 4, 10_000, Clock.systemUTC())) {
      List<CompletableFuture<Void>> outcomes = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        outcomes.add(publisher.publish("m-1", "segment-" + i));
      }
      publisher.flush().get(20, TimeUnit.SECONDS);
      assertThat(outcomes).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
      assertThat(publisher.retriedRecords.get()).isEqualTo(2);
      assertThat(publisher.published.get()).isEqualTo(14);
    }
    assertThat(stored).hasSize(14).doesNotHaveDuplicates();
    assertThat(stored).contains("segment-3", "segment-13");
  }

  @Test
  void failsARecordThatCannotBeWrittenAndGoesOn() throws Exception {
    refuse = data -> data.equals("bad") ? "KMSAccessDeniedException" : data.equals("slow") ? "ProvisionedThroughputExceededException" : null;
    try (PutRecordsPublisher publisher = new PutRecordsPublisher(client, "segments", 500, 300, Clock.systemUTC())) {
      CompletableFuture<Void> bad = publisher.publish("m-1", "bad");
      CompletableFuture<Void> slow = publisher.publish("m-1", "slow");
      CompletableFuture<Void> good = publisher.publish("m-1", "good");
      publisher.flush().get(20, TimeUnit.SECONDS);
      assertThat(good).isCompleted().isNotCompletedExceptionally();
      assertThat(failure(bad)).hasMessageContaining("after 1 attempts: KMSAccessDeniedException");
      assertThat(failure(slow)).hasMessageContaining("ProvisionedThroughputExceededException");
      assertThat(publisher.failedRecords.get()).isEqualTo(2);
    }
    assertThat(stored).containsExactly("good");
  }

  private static Throwable failure(CompletableFuture<Void> f) {
    try {
      f.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("did not fail");
  }
}
