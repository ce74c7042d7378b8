package io.cuepoint.connectors.vectors;

import io.cuepoint.connectors.retry.RetryPolicy;
import java.io.Serializable;
import java.net.URI;

/** Where the product vectors live in OpenSearch, how requests are signed, and how hard to push. */
public class OpenSearchSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How requests are authenticated. */
  public enum Signing {
    /** A self-managed cluster (or one behind a proxy that authenticates). */
    NONE,
    /** Amazon OpenSearch Service domain: SigV4 for service {@code es}. */
    ES,
    /** Amazon OpenSearch Serverless collection: SigV4 for service {@code aoss}. */
    AOSS
  }

  /** Base URL of the cluster, domain or collection, e.g. https://search-x.us-east-1.es.amazonaws.com. */
  public String endpoint = "";
  public String index = "cuepoint-products";
  public Signing signing = Signing.NONE;
  /** Region the SigV4 signature names. */
  public String region = "us-east-1";
  /** Requests per second of one client (one per subtask). */
  public double requestsPerSecond = 50;
  /** Documents per bulk request of the writer. */
  public int bulkSize = 500;
  public RetryPolicy retry = new RetryPolicy();

  public OpenSearchSettings() {}

  public void validate() {
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint '" + endpoint + "' is not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint '" + endpoint + "' is not an http(s) URL");
    }
    if (!index.matches("[a-z0-9][a-z0-9_.-]{0,254}") || index.startsWith(".")) {
      throw new IllegalArgumentException(
          "index '" + index + "' is not an OpenSearch index name (lower case letters, digits, _ . -)");
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive");
    }
    if (bulkSize < 1) {
      throw new IllegalArgumentException("bulkSize must be positive");
    }
  }
}
