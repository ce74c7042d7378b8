package io.cuepoint.connectors.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The k-NN index the product vectors live in: its settings and mapping when it is created, and
 * the check that an existing index can hold this embedder's vectors. The vectors are indexed with
 * HNSW on the Lucene engine in the cosinesimil space, because that is the one combination whose
 * score is (1 + cosine) / 2 on every OpenSearch version (the nmslib and Faiss engines scored
 * 1 / (2 - cosine) before 2.19), so a score converts back to the cosine exactly.
 */
final class KnnIndexMapping {
  static final String VECTOR_FIELD = "embedding";
  static final String ENGINE = "lucene";
  static final String SPACE = "cosinesimil";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KnnIndexMapping() {}

  /** The body of {@code PUT /<index>}. */
  static String createBody(String modelId, int dimensions) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("settings").putObject("index").put("knn", true);
    ObjectNode mappings = body.putObject("mappings");
    mappings.putObject("_meta").put("modelId", modelId).put("dimensions", dimensions);
    ObjectNode properties = mappings.putObject("properties");
    ObjectNode vector = properties.putObject(VECTOR_FIELD);
    vector.put("type", "knn_vector").put("dimension", dimensions);
    ObjectNode method = vector.putObject("method");
    method.put("name", "hnsw").put("space_type", SPACE).put("engine", ENGINE);
    method.putObject("parameters").put("m", 16).put("ef_construction", 128);
    properties.putObject("productId").put("type", "keyword");
    properties.putObject("fingerprint").put("type", "keyword");
    properties.putObject("modelId").put("type", "keyword");
    return body.toString();
  }

  /**
   * Checks the answer of {@code GET /<index>/_mapping}; throws {@link IllegalStateException} saying
   * what does not fit.
   */
  static void check(String index, String mappingResponse, String modelId, int dimensions) {
    JsonNode root;
    try {
      root = JSON.readTree(mappingResponse);
    } catch (IOException e) {
      throw new UncheckedIOException("the mapping of index " + index + " is not JSON", e);
    }
    // Keyed by the concrete index name, which differs from an alias.
    JsonNode mappings = root.elements().hasNext() ? root.elements().next().path("mappings") : root;
    JsonNode vector = mappings.path("properties").path(VECTOR_FIELD);
    String problem = null;
    if (!"knn_vector".equals(vector.path("type").asText())) {
      problem = "has no knn_vector field '" + VECTOR_FIELD + "'";
    } else if (vector.path("dimension").asInt() != dimensions) {
      problem =
          "holds vectors of " + vector.path("dimension").asInt() + " dimensions, the embedder makes " + dimensions;
    } else if (!SPACE.equals(vector.path("method").path("space_type").asText())
        || !ENGINE.equals(vector.path("method").path("engine").asText())) {
      problem =
          "indexes its vectors with engine '"
              + vector.path("method").path("engine").asText()
              + "' in space '"
              + vector.path("method").path("space_type").asText()
              + "'; it needs "
              + ENGINE
              + " / "
              + SPACE
              + " to score by cosine similarity";
    } else if (!modelId.equals(mappings.path("_meta").path("modelId").asText())) {
      problem =
          "was built with model '"
              + mappings.path("_meta").path("modelId").asText()
              + "', the embedder is '"
              + modelId
              + "'";
    }
    if (problem != null) {
      throw new IllegalStateException(
          "OpenSearch index " + index + " " + problem + "; delete it or choose another index name");
    }
  }

  /** The cosine similarity of a hit, from its score: score = (1 + cosine) / 2. */
  static double cosine(double score) {
    return Math.max(-1.0, Math.min(1.0, 2.0 * score - 1.0));
  }
}
