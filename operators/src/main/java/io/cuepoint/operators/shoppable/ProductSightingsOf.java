package io.cuepoint.operators.shoppable;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The {@code PRODUCT} items of a detection as {@link ProductSightings}: each named product once,
 * at its best confidence. A detection with no product, or without a stream position or event
 * time, gives nothing.
 */
public class ProductSightingsOf implements FlatMapFunction<Detection, ProductSightings> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(Detection detection, Collector<ProductSightings> out) {
    if (detection.items == null || detection.positionMs == null || detection.eventTime == null) {
      return;
    }
    Map<String, Double> best = null;
    for (DetectionItem item : detection.items) {
      if (item == null
          || item.kind != ItemKind.PRODUCT
          || item.name == null
          || item.name.isBlank()
          || item.confidence == null) {
        continue;
      }
      if (best == null) {
        best = new TreeMap<>();
      }
      best.merge(item.name, item.confidence, Math::max);
    }
    if (best == null) {
      return;
    }
    ProductSightings sightings = new ProductSightings();
    sightings.mediaId = detection.mediaId;
    sightings.eventTime = detection.eventTime;
    sightings.sightings = new ProductSighting[best.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : best.entrySet()) {
      sightings.sightings[i++] =
          new ProductSighting(e.getKey(), detection.positionMs, e.getValue() / 100.0);
    }
    out.collect(sightings);
  }
}
