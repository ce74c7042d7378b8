package io.cuepoint.operators.shoppable;

/** A product seen in one frame, waiting for the watermark (Flink POJO, kept in state). */
public class ProductSighting {
  public String productId;
  public long positionMs;
  /** 0-1: the detection item's confidence ÷ 100. */
  public double similarity;

  public ProductSighting() {}

  public ProductSighting(String productId, long positionMs, double similarity) {
    this.productId = productId;
    this.positionMs = positionMs;
    this.similarity = similarity;
  }
}
