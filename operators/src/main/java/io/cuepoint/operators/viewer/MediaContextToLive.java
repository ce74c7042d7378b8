package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.MediaContext;
import java.util.Arrays;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A timeline window as a live-context update: the products on screen (products seen, and products
 * the catalog maps a seen label to) and the most seen labels. Events of interest in the window are
 * left out: they reach viewers from the match updates, once.
 */
public class MediaContextToLive implements MapFunction<MediaContext, LiveUpdate> {
  private static final long serialVersionUID = 1L;
  static final int TOP_LABELS = 5;
  private static final String[] NONE = new String[0];

  private final ProductCatalog products;

  public MediaContextToLive(ProductCatalog products) {
    this.products = products;
  }

  @Override
  public LiveUpdate map(MediaContext context) {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = context.mediaId;
    u.eventTime = context.eventTime;
    ContextItem[] labels = context.labels == null ? new ContextItem[0] : context.labels;
    u.products = onScreen(context.products, labels);
    u.labels = mostSeen(labels);
    return u;
  }

  /** The products seen and the products of the labels seen, sorted, each once. */
  private String[] onScreen(ContextItem[] seen, ContextItem[] labels) {
    int n = seen == null ? 0 : seen.length;
    String[] names = new String[n + labels.length];
    for (int i = 0; i < n; i++) {
      names[i] = seen[i].name;
    }
    for (ContextItem label : labels) {
      String product = products.productForLabel(label.name);
      if (product != null) {
        names[n++] = product;
      }
    }
    if (n == 0) {
      return NONE;
    }
    Arrays.sort(names, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (!names[i].equals(names[distinct - 1])) {
        names[distinct++] = names[i];
      }
    }
    return Arrays.copyOf(names, distinct);
  }

  /**
   * The names of the {@link #TOP_LABELS} labels seen in most frames, then with the highest
   * confidence, then by name; among equal labels the earlier one. A selection, not a sort: a
   * window has dozens of labels and only five are kept.
   */
  private static String[] mostSeen(ContextItem[] labels) {
    ContextItem[] top = new ContextItem[Math.min(TOP_LABELS, labels.length)];
    int size = 0;
    for (ContextItem label : labels) {
      int at = size;
      while (at > 0 && before(label, top[at - 1])) {
        at--;
      }
      if (at >= top.length) {
        continue;
      }
      int last = Math.min(size, top.length - 1);
      System.arraycopy(top, at, top, at + 1, last - at);
      top[at] = label;
      size = Math.min(size + 1, top.length);
    }
    String[] names = new String[size];
    for (int i = 0; i < size; i++) {
      names[i] = top[i].name;
    }
    return names;
  }

  /** True when {@code a} ranks strictly before {@code b}. */
  private static boolean before(ContextItem a, ContextItem b) {
    int byFrames = Integer.compare(frames(b), frames(a));
    if (byFrames != 0) {
      return byFrames < 0;
    }
    int byConfidence = Double.compare(confidence(b), confidence(a));
    if (byConfidence != 0) {
      return byConfidence < 0;
    }
    return a.name.compareTo(b.name) < 0;
  }

  private static int frames(ContextItem c) {
    return c.frames == null ? 0 : c.frames;
  }

  private static double confidence(ContextItem c) {
    return c.confidence == null ? 0 : c.confidence;
  }
}
