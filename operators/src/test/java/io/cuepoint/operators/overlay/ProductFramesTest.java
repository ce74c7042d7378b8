package io.cuepoint.operators.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import org.junit.jupiter.api.Test;

class ProductFramesTest {
  private static DetectionItem item(ItemKind kind, String name, double confidence) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    return i;
  }

  private static Detection detection(DetectionItem... items) {
    Detection d = new Detection();
    d.mediaId = "m";
    d.eventTime = Overlays.T0;
    d.positionMs = 5_000L;
    d.source = "rekognition";
    d.items = items;
    return d;
  }

  @Test
  void productsAndCatalogLabelsAtOrAboveTheConfidenceCount() {
    ProductFrames trigger = new ProductFrames(Overlays.catalog(), Overlays.settings());
    ProductFrame f =
        trigger.of(
            detection(
                item(ItemKind.PRODUCT, "p-unknown", 80),
                item(ItemKind.LABEL, "soccer ball", 85),
                item(ItemKind.CUSTOM_LABEL, "Cleats", 79.99),
                item(ItemKind.LABEL, "Scarf", 92),
                item(ItemKind.CUSTOM_LABEL, "Scarf", 95),
                item(ItemKind.CELEBRITY, "Scarf", 99),
                item(ItemKind.LABEL, "Person", 99)));
    assertThat(f.productIds).containsExactly("p-ball", "p-scarf", "p-unknown");
    assertThat(f.confidences).containsExactly(85, 95, 80);
    assertThat(f.mediaId).isEqualTo("m");
    assertThat(f.source).isEqualTo("rekognition");
    assertThat(f.positionMs).isEqualTo(5_000L);
    assertThat(f.channelArn).isNull();
  }
}
