package io.cuepoint.connectors.rekognition;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;

/**
 * The Rekognition async client on Netty. The SDK's own retries are off: the detector retries
 * within its time budget and takes a token for every attempt, which hidden SDK retries would not.
 */
final class RekognitionClients {
  private static final int MAX_CONNECTIONS = 64;

  private RekognitionClients() {}

  static RekognitionAsyncClient build(RekognitionSettings settings) {
    Duration timeout = Duration.ofMillis(settings.callTimeoutMs);
    return settings
        .access()
        .configure(RekognitionAsyncClient.builder())
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .maxConcurrency(MAX_CONNECTIONS)
                .connectionTimeout(timeout))
        .overrideConfiguration(
            o ->
                o.retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallAttemptTimeout(timeout)
                    .apiCallTimeout(timeout))
        .build();
  }
}
