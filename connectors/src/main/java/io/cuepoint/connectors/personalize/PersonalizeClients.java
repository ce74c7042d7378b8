package io.cuepoint.connectors.personalize;

import io.cuepoint.connectors.aws.AsyncClientTuning;
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
  static final int MIN_CONNECTIONS = 64;

  private PersonalizeClients() {}

  /**
   * The ranking client of one subtask, with a connection for each call it may have in flight
   * ({@link #callsInFlight}): one HTTP/1.1 connection carries one call at a time, and a call
   * waiting in the pool for a connection would spend its timeout there.
   */
  static PersonalizeRuntimeAsyncClient runtime(PersonalizeSettings s, int subtasks) {
    PersonalizeRuntimeAsyncClientBuilder b =
        AsyncClientTuning.completeOnEventLoop(PersonalizeRuntimeAsyncClient.builder())
            .region(Region.of(s.region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(http(s, callsInFlight(s, subtasks)))
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
            .httpClientBuilder(http(s, MIN_CONNECTIONS))
            .overrideConfiguration(overrides(s));
    if (!s.endpoint.isEmpty()) {
      b.endpointOverride(URI.create(s.endpoint));
    }
    return b.build();
  }

  /**
   * Calls a subtask has in flight at most: {@code Personalize.calls-in-flight}, or fewer when its
   * share of the call budget needs fewer connections even at the whole call timeout.
   */
  static int callsInFlight(PersonalizeSettings s, int subtasks) {
    return Math.max(1, Math.min(s.callsInFlight, connections(s, subtasks)));
  }

  /** Calls in flight at the subtask's budgeted rate if each took the whole call timeout. */
  static int connections(PersonalizeSettings s, int subtasks) {
    double perSubtask = s.callsPerSecond / Math.max(1, subtasks);
    return (int) Math.max(MIN_CONNECTIONS, Math.ceil(perSubtask * s.callTimeoutMs / 1000.0));
  }

  private static NettyNioAsyncHttpClient.Builder http(PersonalizeSettings s, int connections) {
    return AsyncClientTuning.http(connections, Duration.ofMillis(s.callTimeoutMs));
  }

  /**
   * One attempt per call, so the call timeout alone bounds it: an attempt timeout of the same
   * length would schedule and cancel a second timer task per call for nothing.
   */
  private static ClientOverrideConfiguration overrides(PersonalizeSettings s) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallTimeout(Duration.ofMillis(s.callTimeoutMs))
        .build();
  }
}
