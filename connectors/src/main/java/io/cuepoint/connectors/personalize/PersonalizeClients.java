package io.cuepoint.connectors.personalize;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsAsyncClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsAsyncClientBuilder;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeAsyncClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeAsyncClientBuilder;

/**
 * Builds the SDK v2 async clients (Netty, non-blocking). The SDK's own retries are off: retries
 * happen in {@link PersonalizeRanker} within the job's time and call budgets, so a throttled
 * Personalize is never hammered harder.
 */
final class PersonalizeClients {
  private static final int MAX_CONNECTIONS = 64;

  private PersonalizeClients() {}

  static PersonalizeRuntimeAsyncClient runtime(PersonalizeSettings s) {
    PersonalizeRuntimeAsyncClientBuilder b =
        PersonalizeRuntimeAsyncClient.builder()
            .region(Region.of(s.region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(http(s))
            .overrideConfiguration(overrides(s));
    if (!s.endpoint.isEmpty()) {
      b.endpointOverride(URI.create(s.endpoint));
    }
    return b.build();
  }

  static PersonalizeEventsAsyncClient events(PersonalizeSettings s) {
    PersonalizeEventsAsyncClientBuilder b =
        PersonalizeEventsAsyncClient.builder()
            .region(Region.of(s.region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(http(s))
            .overrideConfiguration(overrides(s));
    if (!s.endpoint.isEmpty()) {
      b.endpointOverride(URI.create(s.endpoint));
    }
    return b.build();
  }

  private static NettyNioAsyncHttpClient.Builder http(PersonalizeSettings s) {
    return NettyNioAsyncHttpClient.builder()
        .maxConcurrency(MAX_CONNECTIONS)
        .connectionTimeout(Duration.ofMillis(s.callTimeoutMs));
  }

  private static ClientOverrideConfiguration overrides(PersonalizeSettings s) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallAttemptTimeout(Duration.ofMillis(s.callTimeoutMs))
        .apiCallTimeout(Duration.ofMillis(s.callTimeoutMs))
        .build();
  }
}
