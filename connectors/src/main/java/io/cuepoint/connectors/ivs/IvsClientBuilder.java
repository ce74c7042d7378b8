package io.cuepoint.connectors.ivs;

import io.cuepoint.connectors.aws.AsyncClientTuning;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsAsyncClient;

/**
 * IVS async clients on Netty. The SDK's own retries are off: the sender retries within its time
 * budget and counts every attempt against the rate limits, which hidden SDK retries would break.
 */
public final class IvsClientBuilder {
  private IvsClientBuilder() {}

  /** Clients with the default AWS credentials chain (the Managed Flink application's role). */
  public static IvsClientFactory withDefaultCredentials() {
    return (region, settings) -> build(region, settings, DefaultCredentialsProvider.builder().build());
  }

  public static IvsAsyncClient build(
      String region, IvsSettings settings, AwsCredentialsProvider credentials) {
    var builder =
        AsyncClientTuning.completeOnEventLoop(IvsAsyncClient.builder())
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                AsyncClientTuning.http(
                    Math.max(50, settings.accountCallsPerSecond), Duration.ofMillis(settings.callTimeoutMs)))
            // One attempt per call, so the call timeout alone bounds it: an attempt timeout of the
            // same length would schedule and cancel a second task on the SDK's timer per call.
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMillis(settings.callTimeoutMs)));
    if (settings.endpoint != null) {
      builder.endpointOverride(URI.create(settings.endpoint));
    }
    return builder.build();
  }
}
