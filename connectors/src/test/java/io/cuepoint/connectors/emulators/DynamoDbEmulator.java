package io.cuepoint.connectors.emulators;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.dynamodb.TimelineItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The npm DynamoDB implementation {@code dynalite} (in memory) on a free loopback port, for one
 * test class: {@code @RegisterExtension static DynamoDbEmulator dynamo = new DynamoDbEmulator();}.
 */
public final class DynamoDbEmulator implements BeforeAllCallback, AfterAllCallback {
  public static final String REGION = "us-east-1";

  private EmulatorProcess process;
  private int port;
  private DynamoDbClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    port = EmulatorProcess.freePort();
    process =
        EmulatorProcess.start(
            "dynalite",
            "node_modules/dynalite/cli.js",
            List.of("--port", Integer.toString(port), "--host", "127.0.0.1", "--createTableMs", "0"),
            Map.of(),
            port);
    client = access().configure(DynamoDbClient.builder()).build();
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

  public DynamoDbClient client() {
    return client;
  }

  /** Creates a table shaped like the timeline table and waits until it is active. */
  public void createTimelineTable(String name) {
    client.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName(TimelineItems.MEDIA_ID).attributeType(ScalarAttributeType.S),
                    a -> a.attributeName(TimelineItems.POSITION_MS).attributeType(ScalarAttributeType.N))
                .keySchema(
                    k -> k.attributeName(TimelineItems.MEDIA_ID).keyType(KeyType.HASH),
                    k -> k.attributeName(TimelineItems.POSITION_MS).keyType(KeyType.RANGE)));
    long deadline = System.currentTimeMillis() + 30_000;
    while (client.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("table " + name + " did not become active");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every item of a table. */
  public List<Map<String, AttributeValue>> scan(String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = client.scan(b -> b.tableName(table).exclusiveStartKey(from));
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }
}
