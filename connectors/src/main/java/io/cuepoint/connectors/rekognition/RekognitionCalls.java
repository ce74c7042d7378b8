package io.cuepoint.connectors.rekognition;

import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.model.Celebrity;
import software.amazon.awssdk.services.rekognition.model.CustomLabel;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.Instance;
import software.amazon.awssdk.services.rekognition.model.Label;

/**
 * One request of an API on a frame's bytes, and its answer as detection items: a LABEL per label
 * and one more, with its box, per instance of it (what the shoppable matching crops); a CELEBRITY
 * per recognised face, with its box; a CUSTOM_LABEL per custom label, with its box when the model
 * locates objects. Confidences are 0-100, boxes fractions of the frame, cut to the frame.
 */
final class RekognitionCalls {
  private final RekognitionAsyncClient client;
  private final RekognitionSettings settings;

  RekognitionCalls(RekognitionAsyncClient client, RekognitionSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  CompletableFuture<DetectionItem[]> call(RekognitionApi api, SdkBytes jpeg) {
    Image image = Image.builder().bytes(jpeg).build();
    float minConfidence = (float) settings.minConfidence;
    switch (api) {
      case DETECT_LABELS:
        return client
            .detectLabels(b -> b.image(image).maxLabels(settings.maxLabels).minConfidence(minConfidence))
            .thenApply(r -> labels(r.labels()));
      case RECOGNIZE_CELEBRITIES:
        return client
            .recognizeCelebrities(b -> b.image(image))
            .thenApply(r -> celebrities(r.celebrityFaces(), settings.minConfidence));
      default:
        return client
            .detectCustomLabels(
                b ->
                    b.image(image)
                        .projectVersionArn(settings.projectVersionArn)
                        .maxResults(settings.maxLabels)
                        .minConfidence(minConfidence))
            .thenApply(r -> customLabels(r.customLabels()));
    }
  }

  static DetectionItem[] labels(List<Label> labels) {
    List<DetectionItem> items = new ArrayList<>();
    for (Label label : labels) {
      if (label.name() == null || label.confidence() == null) {
        continue;
      }
      items.add(item(ItemKind.LABEL, label.name(), label.confidence(), null));
      for (Instance instance : label.instances()) {
        BoundingBox box = box(instance.boundingBox());
        if (box != null) {
          Float confidence = instance.confidence() != null ? instance.confidence() : label.confidence();
          items.add(item(ItemKind.LABEL, label.name(), confidence, box));
        }
      }
    }
    return items.toArray(new DetectionItem[0]);
  }

  /** RecognizeCelebrities has no minimum confidence of its own: it is applied here. */
  static DetectionItem[] celebrities(List<Celebrity> faces, double minConfidence) {
    List<DetectionItem> items = new ArrayList<>();
    for (Celebrity face : faces) {
      if (face.name() == null || face.matchConfidence() == null || face.matchConfidence() < minConfidence) {
        continue;
      }
      BoundingBox box = face.face() == null ? null : box(face.face().boundingBox());
      items.add(item(ItemKind.CELEBRITY, face.name(), face.matchConfidence(), box));
    }
    return items.toArray(new DetectionItem[0]);
  }

  static DetectionItem[] customLabels(List<CustomLabel> labels) {
    List<DetectionItem> items = new ArrayList<>();
    for (CustomLabel label : labels) {
      if (label.name() == null || label.confidence() == null) {
        continue;
      }
      BoundingBox box = label.geometry() == null ? null : box(label.geometry().boundingBox());
      items.add(item(ItemKind.CUSTOM_LABEL, label.name(), label.confidence(), box));
    }
    return items.toArray(new DetectionItem[0]);
  }

  private static DetectionItem item(ItemKind kind, String name, Float confidence, BoundingBox box) {
    DetectionItem item = new DetectionItem();
    item.kind = kind;
    item.name = name;
    // Through the float's shortest decimal text, so 97.5f is 97.5 and not 97.5000000001.
    item.confidence = Math.max(0, Math.min(100, Double.parseDouble(Float.toString(confidence))));
    item.box = box;
    return item;
  }

  /**
   * Rekognition's box cut to the frame (a box may reach past an edge, even start before it), or
   * null when nothing of it is inside.
   */
  static BoundingBox box(software.amazon.awssdk.services.rekognition.model.BoundingBox b) {
    if (b == null || b.left() == null || b.top() == null || b.width() == null || b.height() == null) {
      return null;
    }
    double left = clamp(b.left());
    double top = clamp(b.top());
    double right = clamp(b.left() + (double) b.width());
    double bottom = clamp(b.top() + (double) b.height());
    if (right <= left || bottom <= top) {
      return null;
    }
    BoundingBox box = new BoundingBox();
    box.left = fraction(left);
    box.top = fraction(top);
    box.width = fraction(right - left);
    box.height = fraction(bottom - top);
    return box;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Six decimals: a millionth of the frame is far below a pixel. */
  private static double fraction(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
