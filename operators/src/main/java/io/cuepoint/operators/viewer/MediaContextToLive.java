package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.MediaContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A timeline window as a live-context update: the products on screen (products seen, and products
 * the catalog maps a seen label to) and the most seen labels. Events of interest in the window are
 * left out: they reach viewers from the match updates, once.
 */
public class MediaContextToLive implements MapFunction<MediaContext, LiveUpdate> {
  private static final long serialVersionUID = 1L;
  static final int TOP_LABELS = 5;
  private static final Comparator<ContextItem> MOST_SEEN =
      Comparator.comparing((ContextItem c) -> c.frames == null ? 0 : c.frames)
          .thenComparing(c -> c.confidence == null ? 0 : c.confidence)
          .reversed()
          .thenComparing(c -> c.name);

  private final ProductCatalog products;

  public MediaContextToLive(ProductCatalog products) {
    this.products = products;
  }

  @Override
  public LiveUpdate map(MediaContext context) {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = context.mediaId;
    u.eventTime = context.eventTime;
    TreeSet<String> onScreen = new TreeSet<>();
    if (context.products != null) {
      for (ContextItem p : context.products) {
        onScreen.add(p.name);
      }
    }
    ContextItem[] labels = context.labels == null ? new ContextItem[0] : context.labels.clone();
    for (ContextItem label : labels) {
      String product = products.productForLabel(label.name);
      if (product != null) {
        onScreen.add(product);
      }
    }
    u.products = onScreen.toArray(new String[0]);
    Arrays.sort(labels, MOST_SEEN);
    u.labels =
        Arrays.stream(labels).limit(TOP_LABELS).map(c -> c.name).toArray(String[]::new);
    return u;
  }
}
