package io.cuepoint.connectors.aws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test credentials for the SDK's default credentials chain, for a test class whose clients talk to
 * servers on loopback: the chain reads these system properties first, so it never goes looking
 * further (IMDS). Cleared after the class.
 */
public final class LocalAwsCredentials implements BeforeAllCallback, AfterAllCallback {
  private static final String KEY_ID = "aws.accessKeyId";
  private static final String SECRET = "aws.secretAccessKey";

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty(KEY_ID, "AKIDLOCALTEST");
    System.setProperty(SECRET, "local-test-secret");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.clearProperty(KEY_ID);
    System.clearProperty(SECRET);
  }
}
