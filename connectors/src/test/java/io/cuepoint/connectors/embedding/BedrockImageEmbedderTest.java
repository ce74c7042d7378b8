package io.cuepoint.connectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.embedding.BedrockServer.Answer;
import io.cuepoint.connectors.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The real Bedrock runtime async client against Bedrock's REST protocol on loopback. */
class BedrockImageEmbedderTest {
  private static final byte[] IMAGE = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);

  private static BedrockServer server;
  private CountingListener listener;

  @BeforeAll
  static void start() throws Exception {
    server = new BedrockServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    listener = new CountingListener();
  }

  private BedrockImageEmbedder embedder(Answer first, Answer... rest) {
    return embedder(2_000, 100, first, rest);
  }

  private BedrockImageEmbedder embedder(long budgetMs, double tps, Answer first, Answer... rest) {
    server.reset(
        n -> {
          if (n == 1) {
            return first;
          }
          return n - 2 < rest.length ? rest[n - 2] : rest.length == 0 ? first : rest[rest.length - 1];
        });
    BedrockSettings s = new BedrockSettings();
    s.access = new AwsAccess("us-west-2", server.endpoint(), true);
    s.dimensions = 256;
    s.callsPerSecond = tps;
    s.retry = new RetryPolicy(budgetMs, 20, first == Answer.SLOW ? 1_000 : 5_000);
    return new BedrockImageEmbedder(s, listener);
  }

  private static float[] get(CompletableFuture<float[]> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void embedsAnImageAsTitanMultimodalAsksAndNormalisesTheVector() throws Exception {
    try (BedrockImageEmbedder e = embedder(Answer.EMBED)) {
      float[] v = get(e.embed(IMAGE));

      assertThat(v).hasSize(256);
      double[] raw = BedrockServer.byteHistogram(IMAGE, 256);
      double norm = 0;
      for (double x : raw) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < v.length; i++) {
        assertThat((double) v[i]).isCloseTo(raw[i] / norm, org.assertj.core.data.Offset.offset(1e-6));
      }
      assertThat(UnitVectors.dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(e.modelId()).isEqualTo("amazon.titan-embed-image-v1:256");
      assertThat(e.dimensions()).isEqualTo(256);
    }
    assertThat(server.calls).hasSize(1);
    BedrockServer.Call call = server.calls.get(0);
    assertThat(call.modelId).isEqualTo("amazon.titan-embed-image-v1");
    assertThat(Base64.getDecoder().decode(call.body.path("inputImage").asText())).isEqualTo(IMAGE);
    assertThat(call.body.path("embeddingConfig").path("outputEmbeddingLength").asInt()).isEqualTo(256);
    assertThat(call.authorization)
        .startsWith("AWS4-HMAC-SHA256 Credential=cuepoint-emulator/")
        .contains("/us-west-2/bedrock/aws4_request");
  }

  @Test
  void throttlingIsRetriedUntilItGetsThrough() throws Exception {
    try (BedrockImageEmbedder e = embedder(Answer.THROTTLE, Answer.THROTTLE, Answer.EMBED)) {
      assertThat(get(e.embed(IMAGE))).hasSize(256);
    }
    assertThat(server.calls).hasSize(3);
    assertThat(listener.throttles).hasValue(2);
    assertThat(listener.retries).hasValue(2);
    assertThat(listener.failures).hasValue(0);
  }

  @Test
  void persistentThrottlingFailsOnceTheRetryBudgetIsSpent() {
    long started = System.nanoTime();
    try (BedrockImageEmbedder e = embedder(300, 100, Answer.THROTTLE)) {
      assertThatThrownBy(() -> get(e.embed(IMAGE)))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ThrottlingException.class);
    }
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(server.calls.size()).isGreaterThan(2);
    assertThat(listener.throttles).hasValue(server.calls.size());
    assertThat(listener.retries).hasValue(server.calls.size() - 1);
    assertThat(listener.failures).hasValue(1);
    // No retry starts after the budget: the last attempt began within it.
    long lastStartMs = (server.calls.get(server.calls.size() - 1).receivedAtNanos - server.calls.get(0).receivedAtNanos) / 1_000_000;
    assertThat(lastStartMs).isLessThanOrEqualTo(300);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(0);
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    try (BedrockImageEmbedder e = embedder(Answer.SERVER_ERROR, Answer.UNAVAILABLE, Answer.EMBED)) {
      assertThat(get(e.embed(IMAGE))).hasSize(256);
    }
    assertThat(server.calls).hasSize(3);
    assertThat(listener.throttles).hasValue(0);
    assertThat(listener.retries).hasValue(2);
  }

  @Test
  void persistentServerErrorsFailAfterTheBudget() {
    try (BedrockImageEmbedder e = embedder(200, 100, Answer.SERVER_ERROR)) {
      assertThatThrownBy(() -> get(e.embed(IMAGE))).hasCauseInstanceOf(InternalServerException.class);
    }
    assertThat(server.calls.size()).isGreaterThan(1);
    assertThat(listener.failures).hasValue(1);
  }

  @Test
  void aValidationErrorIsNotRetried() {
    try (BedrockImageEmbedder e = embedder(Answer.VALIDATION, Answer.EMBED)) {
      assertThatThrownBy(() -> get(e.embed(IMAGE))).hasCauseInstanceOf(ValidationException.class);
    }
    assertThat(server.calls).hasSize(1);
    assertThat(listener.retries).hasValue(0);
    assertThat(listener.failures).hasValue(1);
  }

  @Test
  void anEmbeddingOfTheWrongLengthIsRejectedNotRetried() {
    try (BedrockImageEmbedder e = embedder(Answer.WRONG_LENGTH, Answer.EMBED)) {
      assertThatThrownBy(() -> get(e.embed(IMAGE))).hasCauseInstanceOf(InvalidEmbeddingException.class);
    }
    assertThat(server.calls).hasSize(1);
  }

  @Test
  void anAttemptThatTimesOutIsRetried() throws Exception {
    try (BedrockImageEmbedder e = embedder(2_000, 100, Answer.SLOW, Answer.EMBED)) {
      assertThat(get(e.embed(IMAGE))).hasSize(256);
    }
    assertThat(server.calls).hasSize(2);
    assertThat(listener.retries).hasValue(1);
  }

  @Test
  void callsAreHeldToTheConfiguredRateWithoutFailing() throws Exception {
    int callsMade = 12;
    try (BedrockImageEmbedder e = embedder(5_000, 10, Answer.EMBED)) {
      CompletableFuture<?>[] all = new CompletableFuture<?>[callsMade];
      for (int i = 0; i < callsMade; i++) {
        all[i] = e.embed(IMAGE);
      }
      CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
    }
    assertThat(server.calls).hasSize(callsMade);
    long spanMs = (server.calls.get(callsMade - 1).receivedAtNanos - server.calls.get(0).receivedAtNanos) / 1_000_000;
    // 10 per second with a burst of one: the 12th call cannot start before 1.1 s after the first.
    assertThat(spanMs).isGreaterThanOrEqualTo(1_000);
  }
}
