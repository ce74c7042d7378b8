package io.cuepoint.operators.shoppable;

/**
 * The products one detection names, each with its best confidence: all the span builder needs of
 * a detection. Made before the shuffle to the span builder, so detections without products (most
 * of them) and every other item never cross the network (Flink POJO).
 */
public class ProductSightings {
  public String mediaId;
  public long eventTime;
  /** One per product, in product id order. */
  public ProductSighting[] sightings = new ProductSighting[0];

  public ProductSightings() {}
}
