package io.cuepoint.connectors.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.retry.CallListener;
import io.cuepoint.connectors.retry.RetryingCaller;
import io.cuepoint.connectors.retry.TokenBucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;

/**
 * Image embeddings from Amazon Titan Multimodal Embeddings through Bedrock's InvokeModel, on the
 * SDK v2 async client (Netty). Calls are held to a rate by a token bucket that never blocks;
 * throttling, server errors and timeouts are retried with exponential backoff and full jitter
 * within the retry budget (the SDK's own retries are off so they cannot multiply ours); a request
 * Bedrock rejects (validation, access) fails at once.
 */
public final class BedrockImageEmbedder implements ImageEmbedder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CONNECTIONS = 64;

  private final BedrockSettings settings;
  private final BedrockRuntimeAsyncClient client;
  private final ScheduledExecutorService timer;
  private final RetryingCaller caller;

  public BedrockImageEmbedder(BedrockSettings settings, CallListener listener) {
    settings.validate();
    this.settings = settings;
    Duration attemptTimeout = Duration.ofMillis(settings.retry.attemptTimeoutMs);
    this.client =
        settings
            .access
            .configure(BedrockRuntimeAsyncClient.builder())
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    // InvokeModel needs no HTTP/2 (only the streaming operations do), and an
                    // HTTP/2 default would need ALPN on every endpoint override.
                    .protocol(Protocol.HTTP1_1)
                    .maxConcurrency(MAX_CONNECTIONS)
                    .connectionTimeout(attemptTimeout))
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallAttemptTimeout(attemptTimeout)
                    .apiCallTimeout(attemptTimeout)
                    .build())
            .build();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bedrock-embedder-retries");
              t.setDaemon(true);
              return t;
            });
    this.caller =
        new RetryingCaller(
            new TokenBucket(settings.callsPerSecond, System.nanoTime()),
            timer,
            settings.retry,
            new Classifier(),
            listener);
  }

  /** The model and its vector length: vectors of different lengths are different spaces. */
  @Override
  public String modelId() {
    return settings.modelId + ":" + settings.dimensions;
  }

  @Override
  public int dimensions() {
    return settings.dimensions;
  }

  @Override
  public CompletableFuture<float[]> embed(byte[] image) {
    InvokeModelRequest request =
        InvokeModelRequest.builder()
            .modelId(settings.modelId)
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromUtf8String(requestBody(image, settings.dimensions)))
            .build();
    return caller.call(
        () -> client.invokeModel(request).thenApply(r -> vector(r.body().asUtf8String())));
  }

  static String requestBody(byte[] image, int dimensions) {
    ObjectNode body = JSON.createObjectNode();
    body.put("inputImage", Base64.getEncoder().encodeToString(image));
    body.putObject("embeddingConfig").put("outputEmbeddingLength", dimensions);
    return body.toString();
  }

  private float[] vector(String responseBody) {
    JsonNode embedding;
    try {
      embedding = JSON.readTree(responseBody).path("embedding");
    } catch (IOException e) {
      throw new UncheckedIOException("Bedrock answered with a body that is not JSON", e);
    }
    if (!embedding.isArray() || embedding.size() != settings.dimensions) {
      throw new InvalidEmbeddingException(
          "Bedrock answered with "
              + (embedding.isArray() ? embedding.size() + " numbers" : "no embedding")
              + ", expected "
              + settings.dimensions);
    }
    float[] v = new float[embedding.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) embedding.get(i).asDouble();
    }
    return UnitVectors.normalised(v);
  }

  @Override
  public void close() {
    client.close();
    timer.shutdownNow();
  }

  /** Throttling, 5xx, a model still loading or timing out, and no answer are worth a retry. */
  static final class Classifier implements RetryingCaller.Classifier {
    @Override
    public boolean throttling(Throwable t) {
      return t instanceof SdkServiceException && ((SdkServiceException) t).isThrottlingException();
    }

    @Override
    public boolean retryable(Throwable t) {
      if (throttling(t) || t instanceof ModelNotReadyException || t instanceof ModelTimeoutException) {
        return true;
      }
      if (t instanceof SdkServiceException) {
        return ((SdkServiceException) t).statusCode() >= 500;
      }
      return t instanceof SdkClientException;
    }
  }
}
