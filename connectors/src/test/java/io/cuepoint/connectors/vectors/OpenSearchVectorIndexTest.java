package io.cuepoint.connectors.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.connectors.embedding.CountingListener;
import io.cuepoint.connectors.retry.RetryPolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The OpenSearch index and writer against the k-NN REST API on loopback. */
class OpenSearchVectorIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "test-model:4";

  private OpenSearchServer server;
  private CountingListener listener;

  @BeforeEach
  void start() throws Exception {
    server = new OpenSearchServer();
    listener = new CountingListener();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenSearchSettings settings(long budgetMs) {
    OpenSearchSettings s = new OpenSearchSettings();
    s.endpoint = server.endpoint();
    s.index = "products";
    s.requestsPerSecond = 1_000;
    s.bulkSize = 500;
    s.retry = new RetryPolicy(budgetMs, 20, 5_000);
    return s;
  }

  private OpenSearchVectorIndexWriter writer() {
    return new OpenSearchVectorIndexWriter(settings(2_000), MODEL, 4, listener);
  }

  private OpenSearchVectorIndex index(long budgetMs) {
    return new OpenSearchVectorIndex(settings(budgetMs), listener);
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  private static float[] unit(double... v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  private void store(String... ids) throws Exception {
    try (OpenSearchVectorIndexWriter w = writer()) {
      for (int i = 0; i < ids.length; i++) {
        double[] v = new double[4];
        v[i % 4] = 1;
        get(w.upsert(ids[i], "fp-" + ids[i], unit(v)));
      }
      get(w.commit());
    }
  }

  @Test
  void aMissingIndexIsCreatedWithACosineKnnMapping() throws Exception {
    try (OpenSearchVectorIndexWriter w = writer()) {
      assertThat(get(w.fingerprints())).isEmpty();
    }
    JsonNode created = server.indices.get("products");
    assertThat(created.path("settings").path("index").path("knn").asBoolean()).isTrue();
    JsonNode properties = created.path("mappings").path("properties");
    JsonNode vector = properties.path("embedding");
    assertThat(vector.path("type").asText()).isEqualTo("knn_vector");
    assertThat(vector.path("dimension").asInt()).isEqualTo(4);
    assertThat(vector.path("method").path("name").asText()).isEqualTo("hnsw");
    assertThat(vector.path("method").path("space_type").asText()).isEqualTo("cosinesimil");
    assertThat(vector.path("method").path("engine").asText()).isEqualTo("lucene");
    assertThat(properties.path("productId").path("type").asText()).isEqualTo("keyword");
    assertThat(properties.path("fingerprint").path("type").asText()).isEqualTo("keyword");
    assertThat(properties.path("modelId").path("type").asText()).isEqualTo("keyword");
    assertThat(created.path("mappings").path("_meta").path("modelId").asText()).isEqualTo(MODEL);
  }

  @Test
  void nearestReturnsTheCosineSimilarityNotTheScore() throws Exception {
    store("p-a", "p-b", "p-c");
    try (OpenSearchVectorIndex index = index(1_000)) {
      ProductMatch[] matches = get(index.nearest(unit(0.8, 0.6, 0, 0), 2));

      assertThat(matches).hasSize(2);
      assertThat(matches[0].productId).isEqualTo("p-a");
      assertThat(matches[0].similarity).isCloseTo(0.8, within(1e-5));
      assertThat(matches[1].productId).isEqualTo("p-b");
      assertThat(matches[1].similarity).isCloseTo(0.6, within(1e-5));
      ProductMatch[] opposite = get(index.nearest(unit(0, 0, -1, 0), 3));
      assertThat(opposite[opposite.length - 1].productId).isEqualTo("p-c");
      assertThat(opposite[opposite.length - 1].similarity).isCloseTo(-1.0, within(1e-5));
    }
    JsonNode query = JSON.readTree(server.requests("POST", "/products/_search").get(0).body);
    assertThat(query.path("size").asInt()).isEqualTo(2);
    assertThat(query.path("_source").toString()).isEqualTo("[\"productId\"]");
    assertThat(query.path("query").path("knn").path("embedding").path("k").asInt()).isEqualTo(2);
    assertThat(query.path("query").path("knn").path("embedding").path("vector")).hasSize(4);
  }

  @Test
  void writesAreBulkedAndBecomeSearchableAtTheCommitsRefresh() throws Exception {
    try (OpenSearchVectorIndexWriter w = writer();
        OpenSearchVectorIndex index = index(1_000)) {
      get(w.upsert("p-a", "fp", unit(1, 0, 0, 0)));
      get(w.upsert("p-b", "fp", unit(0, 1, 0, 0)));
      assertThat(server.requests("POST", "/_bulk")).isEmpty();
      assertThat(get(index.nearest(unit(1, 0, 0, 0), 1))).isEmpty();

      get(w.commit());

      assertThat(server.requests("POST", "/_bulk")).hasSize(1);
      assertThat(server.requests("POST", "/products/_refresh")).hasSize(1);
      assertThat(get(index.nearest(unit(1, 0, 0, 0), 1))[0].productId).isEqualTo("p-a");
    }
    String bulk = server.requests("POST", "/_bulk").get(0).body;
    assertThat(bulk.split("\n")).hasSize(4);
    assertThat(server.requests("POST", "/_bulk").get(0).headers.get("Content-Type")).isEqualTo("application/x-ndjson");
    JsonNode action = JSON.readTree(bulk.split("\n")[0]);
    assertThat(action.path("index").path("_id").asText()).isEqualTo("p-a");
    JsonNode doc = JSON.readTree(bulk.split("\n")[1]);
    assertThat(doc.path("modelId").asText()).isEqualTo(MODEL);
    assertThat(doc.path("fingerprint").asText()).isEqualTo("fp");
  }

  @Test
  void fingerprintsArePagedThroughEveryStoredProduct() throws Exception {
    int products = 2_345;
    try (OpenSearchVectorIndexWriter w = writer()) {
      for (int i = 0; i < products; i++) {
        get(w.upsert(String.format("p-%05d", i), "fp-" + i, unit(1, i, 0, 1)));
      }
      get(w.commit());
    }
    assertThat(server.requests("POST", "/_bulk")).hasSize(5);
    server.requests.clear();

    Map<String, String> fingerprints;
    try (OpenSearchVectorIndexWriter w = writer()) {
      fingerprints = get(w.fingerprints());
    }

    assertThat(fingerprints).hasSize(products);
    assertThat(fingerprints).containsEntry("p-00000", "fp-0").containsEntry("p-02344", "fp-2344");
    assertThat(server.requests("POST", "/products/_search")).hasSize(3);
    JsonNode second = JSON.readTree(server.requests("POST", "/products/_search").get(1).body);
    assertThat(second.path("search_after").get(0).asText()).isEqualTo("p-00999");
  }

  @Test
  void removedProductsLeaveTheIndexAndRemovingAMissingOneIsFine() throws Exception {
    store("p-a", "p-b");
    try (OpenSearchVectorIndexWriter w = writer()) {
      get(w.remove("p-a"));
      get(w.remove("p-never-stored"));
      get(w.commit());
      assertThat(get(w.fingerprints())).containsOnlyKeys("p-b");
    }
  }

  @Test
  void anExistingIndexForAnotherModelOrSizeIsRefused() throws Exception {
    store("p-a");
    try (OpenSearchVectorIndexWriter other =
        new OpenSearchVectorIndexWriter(settings(500), "other-model:4", 4, listener)) {
      assertThatThrownBy(() -> get(other.fingerprints()))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("built with model 'test-model:4'");
    }
    try (OpenSearchVectorIndexWriter bigger =
        new OpenSearchVectorIndexWriter(settings(500), MODEL, 8, listener)) {
      assertThatThrownBy(() -> get(bigger.upsert("p", "fp", new float[8])))
          .hasMessageContaining("holds vectors of 4 dimensions, the embedder makes 8");
    }
  }

  @Test
  void throttledQueriesAreRetriedUntilTheyGetThrough() throws Exception {
    store("p-a");
    server.fail("POST /products/_search", 429, 429, 503);
    try (OpenSearchVectorIndex index = index(2_000)) {
      assertThat(get(index.nearest(unit(1, 0, 0, 0), 1))[0].productId).isEqualTo("p-a");
    }
    assertThat(server.requests("POST", "/products/_search")).hasSize(4);
    assertThat(listener.throttles).hasValue(2);
    assertThat(listener.retries).hasValue(3);
  }

  @Test
  void persistentThrottlingFailsOnceTheBudgetIsSpent() throws Exception {
    store("p-a");
    Integer[] always = new Integer[200];
    java.util.Arrays.fill(always, 429);
    server.fail("POST /products/_search", always);
    try (OpenSearchVectorIndex index = index(300)) {
      assertThatThrownBy(() -> get(index.nearest(unit(1, 0, 0, 0), 1)))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(OpenSearchException.class)
          .hasMessageContaining("429");
    }
    assertThat(server.requests("POST", "/products/_search").size()).isGreaterThan(1);
    assertThat(listener.failures).hasValue(1);
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    try (OpenSearchVectorIndex index = index(2_000)) {
      assertThatThrownBy(() -> get(index.nearest(unit(1, 0, 0, 0), 1)))
          .cause()
          .isInstanceOf(OpenSearchException.class)
          .hasMessageContaining("404");
    }
    assertThat(server.requests("POST", "/products/_search")).hasSize(1);
    assertThat(listener.retries).hasValue(0);
  }

  @Test
  void bulkItemsRejectedForLoadAreSentAgainAlone() throws Exception {
    server.rejectOnce.add("p-b");
    server.fail("POST /_bulk", 503);
    store("p-a", "p-b", "p-c");
    assertThat(server.requests("POST", "/_bulk")).hasSize(3);
    String again = server.requests("POST", "/_bulk").get(2).body;
    assertThat(again.split("\n")).hasSize(2);
    assertThat(again).contains("\"_id\":\"p-b\"");
    assertThat(server.searchable).containsOnlyKeys("p-a", "p-b", "p-c");
  }

  @Test
  void aBulkItemOpenSearchCannotIndexFailsTheCommit() throws Exception {
    server.malformed.add("p-b");
    try (OpenSearchVectorIndexWriter w = writer()) {
      get(w.upsert("p-a", "fp", unit(1, 0, 0, 0)));
      get(w.upsert("p-b", "fp", unit(0, 1, 0, 0)));
      assertThatThrownBy(() -> get(w.commit()))
          .hasMessageContaining("p-b")
          .hasMessageContaining("mapper_parsing_exception");
    }
    assertThat(server.requests("POST", "/_bulk")).hasSize(1);
  }

  @Test
  void serverlessRequestsAreSignedWithSigV4AndThePayloadHash() throws Exception {
    OpenSearchSettings s = settings(1_000);
    s.signing = OpenSearchSettings.Signing.AOSS;
    s.region = "eu-west-1";
    try (OpenSearchVectorIndexWriter w =
        new OpenSearchVectorIndexWriter(
            s, MODEL, 4, listener, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))) {
      get(w.upsert("p-a", "fp", unit(1, 0, 0, 0)));
      get(w.commit());
    }
    for (OpenSearchServer.Request r : server.requests) {
      assertThat(r.headers.get("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
          .contains("/eu-west-1/aoss/aws4_request")
          .contains("x-amz-content-sha256")
          .contains("host");
      assertThat(r.headers.get("x-amz-content-sha256"))
          .isEqualTo(SigV4RequestSigner.sha256Hex(r.body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    // Serverless has no refresh API.
    assertThat(server.requests("POST", "/products/_refresh")).isEmpty();
    assertThat(server.requests("PUT", "/products")).hasSize(1);
  }

  @Test
  void aSelfManagedClusterGetsNoSignature() throws Exception {
    store("p-a");
    assertThat(server.requests).allSatisfy(r -> assertThat(r.headers).doesNotContainKey("Authorization"));
  }
}
