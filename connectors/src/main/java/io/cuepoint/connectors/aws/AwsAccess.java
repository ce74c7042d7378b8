package io.cuepoint.connectors.aws;

import java.io.Serializable;
import java.net.URI;
import java.util.Properties;
import org.apache.flink.connector.aws.config.AWSConfigConstants;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * How to reach one AWS service: its region, an optional endpoint override (an emulator, a VPC
 * endpoint) and which credentials to sign with. The same data configures the Flink connectors
 * (as their {@code aws.*} properties) and our own SDK clients.
 */
public final class AwsAccess implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Fixed, fake keys: emulators check that requests are signed, not by whom. */
  static final String EMULATOR_ACCESS_KEY_ID = "cuepoint-emulator";

  static final String EMULATOR_SECRET_KEY = "cuepoint-emulator-secret";

  private final String region;
  private final String endpoint;
  private final boolean emulatorCredentials;

  /**
   * @param region e.g. {@code us-east-1}
   * @param endpoint endpoint override URL, or empty for the service's own endpoint
   * @param emulatorCredentials sign with fixed fake keys (for emulators) instead of the default
   *     credentials chain (environment, system properties, web identity, profile, container,
   *     instance role)
   */
  public AwsAccess(String region, String endpoint, boolean emulatorCredentials) {
    this.region = region;
    this.endpoint = endpoint == null ? "" : endpoint;
    this.emulatorCredentials = emulatorCredentials;
  }

  public String region() {
    return region;
  }

  public String endpoint() {
    return endpoint;
  }

  /** The same access in another region (a stream ARN names its own region). */
  public AwsAccess inRegion(String otherRegion) {
    return new AwsAccess(otherRegion, endpoint, emulatorCredentials);
  }

  /** The {@code aws.*} properties the Flink AWS connectors read. */
  public Properties connectorProperties() {
    Properties p = new Properties();
    p.setProperty(AWSConfigConstants.AWS_REGION, region);
    if (!endpoint.isEmpty()) {
      p.setProperty(AWSConfigConstants.AWS_ENDPOINT, endpoint);
    }
    if (emulatorCredentials) {
      p.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
      p.setProperty(
          AWSConfigConstants.accessKeyId(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER),
          EMULATOR_ACCESS_KEY_ID);
      p.setProperty(
          AWSConfigConstants.secretKey(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER),
          EMULATOR_SECRET_KEY);
    } else {
      p.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "AUTO");
    }
    return p;
  }

  /** Sets region, endpoint and credentials on an SDK client builder. */
  public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
    builder.region(Region.of(region)).credentialsProvider(credentials());
    if (!endpoint.isEmpty()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    if (emulatorCredentials) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(EMULATOR_ACCESS_KEY_ID, EMULATOR_SECRET_KEY));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public String toString() {
    return region + (endpoint.isEmpty() ? "" : " via " + endpoint) + (emulatorCredentials ? " (emulator credentials)" : "");
  }
}
