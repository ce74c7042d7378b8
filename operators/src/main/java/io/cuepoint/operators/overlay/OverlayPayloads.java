package io.cuepoint.operators.overlay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The timed metadata a player gets: minified JSON, fields in a fixed order. A product payload must
 * fit IVS PutMetadata's 1 KB: the size is measured on the UTF-8 bytes of the exact text that is
 * sent, and the description is shortened (at a word where it can, never inside a character) until
 * it fits.
 */
public final class OverlayPayloads {
  /** PutMetadata's limit on the metadata of one call. */
  public static final int MAX_BYTES = 1024;

  static final String ELLIPSIS = "\u2026";
  /** How far back from the cut a word boundary is looked for. */
  private static final int WORD_SEARCH = 24;

  private static final JsonFactory JSON = new JsonFactory();

  private OverlayPayloads() {}

  /** The payload that takes the overlay off the screen. */
  public static String clear(String overlayId) {
    return write(
        g -> {
          g.writeStringField("type", "clear");
          g.writeStringField("overlayId", overlayId);
        });
  }

  /**
   * The payload that shows a product. URLs the allow list refuses are left out and reported in
   * {@link ProductPayload#droppedUrls}; a payload that cannot fit even without its description
   * has a null {@link ProductPayload#payload} and says why in {@link ProductPayload#problem}.
   */
  public static ProductPayload product(String overlayId, CatalogProduct p, UrlAllowList urls) {
    ProductPayload result = new ProductPayload();
    String imageUrl = allowed("imageUrl", p.imageUrl, urls, result.droppedUrls);
    String link = allowed("link", p.link, urls, result.droppedUrls);
    String description = p.description == null ? null : p.description.strip();

    String full = product(overlayId, p, description, imageUrl, link);
    if (bytes(full) <= MAX_BYTES) {
      result.payload = full;
      return result;
    }
    String without = product(overlayId, p, null, imageUrl, link);
    if (bytes(without) > MAX_BYTES) {
      result.problem =
          "payload of product "
              + p.productId
              + " is "
              + bytes(without)
              + " bytes even without its description (limit "
              + MAX_BYTES
              + ")";
      return result;
    }
    result.payload = without;
    result.descriptionShortened = true;
    // The most code points of the description that still fit: payload size grows with the count.
    int[] codePoints = description.codePoints().toArray();
    int low = 0;
    int high = codePoints.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      String candidate =
          product(overlayId, p, shortened(codePoints, mid), imageUrl, link);
      if (bytes(candidate) <= MAX_BYTES) {
        result.payload = candidate;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    int fits = high;
    if (fits > 0) {
      int atWord = wordBoundary(codePoints, fits);
      result.payload = product(overlayId, p, shortened(codePoints, atWord), imageUrl, link);
    }
    return result;
  }

  /** UTF-8 size of a payload: what PutMetadata counts. */
  public static int bytes(String payload) {
    return payload.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String allowed(String field, String url, UrlAllowList urls, List<String> dropped) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String rejection = urls.rejection(url);
    if (rejection != null) {
      dropped.add(field + ": " + rejection);
      return null;
    }
    return url;
  }

  private static String shortened(int[] codePoints, int count) {
    String cut = new String(codePoints, 0, count).stripTrailing();
    return cut.isEmpty() ? null : cut + ELLIPSIS;
  }

  /** A cut at whitespace a little before {@code count}, when there is one, else {@code count}. */
  private static int wordBoundary(int[] codePoints, int count) {
    for (int i = count; i > 0 && i >= count - WORD_SEARCH; i--) {
      if (Character.isWhitespace(codePoints[i])) {
        return i;
      }
    }
    return count;
  }

  private static String product(
      String overlayId, CatalogProduct p, String description, String imageUrl, String link) {
    return write(
        g -> {
          g.writeStringField("type", "product");
          g.writeStringField("overlayId", overlayId);
          g.writeStringField("productId", p.productId);
          g.writeStringField("title", p.title);
          if (description != null) {
            g.writeStringField("description", description);
          }
          g.writeFieldName("price");
          g.writeNumber(new BigDecimal(p.price));
          g.writeStringField("currency", p.currency);
          if (imageUrl != null) {
            g.writeStringField("imageUrl", imageUrl);
          }
          if (link != null) {
            g.writeStringField("link", link);
          }
        });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Fields fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A product payload, or why there is none. */
  public static final class ProductPayload {
    /** Null when the product cannot be shown. */
    public String payload;
    public String problem;
    public boolean descriptionShortened;
    public final List<String> droppedUrls = new ArrayList<>();
  }
}
