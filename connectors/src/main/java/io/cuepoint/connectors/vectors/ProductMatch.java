package io.cuepoint.connectors.vectors;

/** A catalog product found near a query vector. */
public class ProductMatch {
  public String productId;
  /** Cosine similarity, -1 to 1. */
  public double similarity;

  public ProductMatch() {}

  public ProductMatch(String productId, double similarity) {
    this.productId = productId;
    this.similarity = similarity;
  }
}
