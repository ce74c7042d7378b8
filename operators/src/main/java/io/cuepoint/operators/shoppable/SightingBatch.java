package io.cuepoint.operators.shoppable;

import java.util.Arrays;

/** The sightings of one event time (Flink POJO, a value of keyed map state). */
public class SightingBatch {
  public ProductSighting[] sightings = new ProductSighting[0];

  public SightingBatch() {}

  SightingBatch with(ProductSighting[] seen) {
    SightingBatch more = new SightingBatch();
    more.sightings = Arrays.copyOf(sightings, sightings.length + seen.length);
    System.arraycopy(seen, 0, more.sightings, sightings.length, seen.length);
    return more;
  }
}
