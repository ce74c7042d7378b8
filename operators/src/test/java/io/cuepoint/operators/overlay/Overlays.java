package io.cuepoint.operators.overlay;

import java.util.Set;

/** Test data: a small catalog, frames and settings. */
final class Overlays {
  static final long T0 = 1_780_167_600_000L;
  static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";
  static final String OTHER_CHANNEL = "arn:aws:ivs:eu-west-1:123456789012:channel/ZzZz99";
  static final String MEDIA = "final-2026";

  static final String CATALOG_JSON =
      "{\"products\":["
          + product("p-ball", "Match Ball", "The official ball.", "149.99", "Soccer Ball")
          + ","
          + product("p-boots", "Boots", "Fast boots.", "229", "Cleats")
          + ","
          + product("p-scarf", "Scarf", "Warm scarf.", "24.99", "Scarf")
          + "]}";

  private Overlays() {}

  static String product(String id, String title, String description, String price, String label) {
    return "{\"productId\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\"" + description
        + "\",\"price\":" + price + ",\"currency\":\"EUR\",\"imageUrl\":\"https://images.example.com/"
        + id + ".jpg\",\"link\":\"https://shop.example.com/p/" + id + "\",\"labels\":[\"" + label
        + "\"]}";
  }

  static ProductCatalog catalog() {
    return ProductCatalog.parse(CATALOG_JSON);
  }

  static UrlAllowList urls() {
    return new UrlAllowList(Set.of("images.example.com", "shop.example.com"));
  }

  static OverlaySettings settings() {
    return new OverlaySettings();
  }

  /** A frame of {@link #MEDIA} on {@link #CHANNEL}, {@code atMs} after {@link #T0}. */
  static ProductFrame frame(long atMs, String... productIds) {
    return frame(CHANNEL, "rekognition", atMs, productIds);
  }

  static ProductFrame frame(String channel, String source, long atMs, String... productIds) {
    ProductFrame f = new ProductFrame();
    f.mediaId = MEDIA;
    f.channelArn = channel;
    f.source = source;
    f.eventTime = T0 + atMs;
    f.positionMs = 60_000 + atMs;
    f.productIds = productIds.clone();
    java.util.Arrays.sort(f.productIds);
    f.confidences = new double[productIds.length];
    java.util.Arrays.fill(f.confidences, 90.0);
    return f;
  }
}
