package io.cuepoint.connectors.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.retry.CallListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Nearest catalog products by an approximate k-NN query ({@code POST /<index>/_search}) on an
 * OpenSearch index that {@link OpenSearchVectorIndexWriter} built; each hit's score is turned back
 * into the cosine similarity.
 */
public final class OpenSearchVectorIndex implements VectorIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenSearchSettings settings;
  private final OpenSearchHttp http;

  public OpenSearchVectorIndex(OpenSearchSettings settings, CallListener listener) {
    this.settings = settings;
    this.http = new OpenSearchHttp(settings, listener);
  }

  OpenSearchVectorIndex(OpenSearchSettings settings, CallListener listener, AwsCredentialsProvider credentials) {
    this.settings = settings;
    this.http = new OpenSearchHttp(settings, listener, credentials);
  }

  @Override
  public CompletableFuture<ProductMatch[]> nearest(float[] vector, int k) {
    String path = "/" + settings.index + "/_search";
    return http.send("POST", path, query(vector, k))
        .thenApply(
            r -> {
              if (!r.ok()) {
                throw new OpenSearchException("POST " + path, r.status, r.body);
              }
              return matches(r.body, k);
            });
  }

  static String query(float[] vector, int k) {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", k);
    body.putArray("_source").add("productId");
    ObjectNode knn = body.putObject("query").putObject("knn").putObject(KnnIndexMapping.VECTOR_FIELD);
    ArrayNode values = knn.putArray("vector");
    for (float x : vector) {
      values.add(x);
    }
    knn.put("k", k);
    return body.toString();
  }

  private static ProductMatch[] matches(String body, int k) {
    JsonNode hits;
    try {
      hits = JSON.readTree(body).path("hits").path("hits");
    } catch (IOException e) {
      throw new UncheckedIOException("OpenSearch answered a k-NN query with a body that is not JSON", e);
    }
    List<ProductMatch> out = new ArrayList<>();
    for (JsonNode hit : hits) {
      String productId = hit.path("_source").path("productId").asText(null);
      if (productId != null && hit.path("_score").isNumber() && out.size() < k) {
        out.add(new ProductMatch(productId, KnnIndexMapping.cosine(hit.path("_score").asDouble())));
      }
    }
    out.sort((a, b) -> Double.compare(b.similarity, a.similarity));
    return out.toArray(new ProductMatch[0]);
  }

  @Override
  public void close() {
    http.close();
  }
}
