package io.cuepoint.operators.overlay;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * The overlay trigger: which catalog products a detection puts on screen. A {@code PRODUCT} item
 * names its product; a {@code LABEL} or {@code CUSTOM_LABEL} counts when the catalog maps it to a
 * product. Items under the trigger confidence do not count. Records without products are passed on
 * only when several consecutive frames must agree, since only then does a frame without the product
 * matter (it breaks the run).
 */
public class ProductFrames extends RichFlatMapFunction<Detection, ProductFrame> {
  private static final long serialVersionUID = 1L;

  private final ProductCatalog catalog;
  private final double minConfidence;
  private final boolean passEmptyFrames;

  private transient Counter framesWithProducts;

  public ProductFrames(ProductCatalog catalog, OverlaySettings settings) {
    this.catalog = catalog;
    this.minConfidence = settings.minConfidence;
    this.passEmptyFrames = settings.minFrames > 1;
  }

  @Override
  public void open(OpenContext openContext) {
    framesWithProducts =
        getRuntimeContext().getMetricGroup().addGroup("overlays").counter("framesWithProducts");
  }

  @Override
  public void flatMap(Detection detection, Collector<ProductFrame> out) {
    ProductFrame frame = of(detection);
    if (frame.productIds.length > 0) {
      framesWithProducts.inc();
      out.collect(frame);
    } else if (passEmptyFrames) {
      out.collect(frame);
    }
  }

  ProductFrame of(Detection detection) {
    TreeMap<String, Double> best = new TreeMap<>();
    for (DetectionItem item : detection.items) {
      if (item.confidence == null || item.confidence < minConfidence) {
        continue;
      }
      String productId = null;
      switch (item.kind) {
        case PRODUCT:
          productId = item.name;
          break;
        case LABEL:
        case CUSTOM_LABEL:
          productId = catalog.productForLabel(item.name);
          break;
        default:
          break;
      }
      if (productId != null) {
        best.merge(productId, item.confidence, Math::max);
      }
    }
    ProductFrame frame = new ProductFrame();
    frame.mediaId = detection.mediaId;
    frame.source = detection.source;
    frame.eventTime = detection.eventTime;
    frame.positionMs = detection.positionMs;
    frame.productIds = best.keySet().toArray(new String[0]);
    frame.confidences = new double[best.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : best.entrySet()) {
      frame.confidences[i++] = e.getValue();
    }
    return frame;
  }
}
