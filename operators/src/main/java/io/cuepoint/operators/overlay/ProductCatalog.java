package io.cuepoint.operators.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.RecordCodec;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The products overlays can show and the detection labels that mean them. Read once when the job
 * is built and handed to the operators as constructor data: it is reference data, not state.
 * Labels match whatever their case, because detectors differ in capitalisation.
 */
public final class ProductCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final HashMap<String, CatalogProduct> products;
  private final HashMap<String, String> productByLabel;

  private ProductCatalog(HashMap<String, CatalogProduct> products, HashMap<String, String> byLabel) {
    this.products = products;
    this.productByLabel = byLabel;
  }

  /** No products: PRODUCT items name unknown products and no label means a product. */
  public static ProductCatalog empty() {
    return new ProductCatalog(new HashMap<>(), new HashMap<>());
  }

  /**
   * Reads a catalog in the shape of {@code samples/soccer-final/products.json}: {@code
   * {"products":[{productId, title, description?, price, currency, imageUrl?, link?, labels?}]}}.
   * Other fields are ignored.
   *
   * @throws IllegalArgumentException naming the first field that is missing or wrong
   */
  public static ProductCatalog parse(String json) {
    JsonNode root;
    try {
      root = RecordCodec.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (root == null || !root.path("products").isArray()) {
      throw new IllegalArgumentException("expected {\"products\": [...]}");
    }
    HashMap<String, CatalogProduct> products = new HashMap<>();
    HashMap<String, String> byLabel = new HashMap<>();
    int i = 0;
    for (JsonNode node : root.get("products")) {
      String at = "products[" + i++ + "]";
      CatalogProduct p = new CatalogProduct();
      p.productId = requiredText(node, "productId", at);
      p.title = requiredText(node, "title", at);
      p.description = optionalText(node, "description", at);
      JsonNode price = node.get("price");
      if (price == null || !price.isNumber() || price.decimalValue().signum() < 0) {
        throw new IllegalArgumentException(at + ".price: must be a number of at least 0");
      }
      p.price = price.decimalValue().toPlainString();
      p.currency = requiredText(node, "currency", at);
      if (!CURRENCY.matcher(p.currency).matches()) {
        throw new IllegalArgumentException(at + ".currency: must be a three-letter ISO 4217 code");
      }
      p.imageUrl = optionalText(node, "imageUrl", at);
      p.link = optionalText(node, "link", at);
      JsonNode labels = node.path("labels");
      if (!labels.isMissingNode() && !labels.isArray()) {
        throw new IllegalArgumentException(at + ".labels: must be an array of text");
      }
      p.labels = new String[labels.size()];
      for (int l = 0; l < labels.size(); l++) {
        JsonNode label = labels.get(l);
        if (!label.isTextual() || label.asText().isBlank()) {
          throw new IllegalArgumentException(at + ".labels[" + l + "]: must be text");
        }
        p.labels[l] = label.asText();
        String previous = byLabel.put(key(p.labels[l]), p.productId);
        if (previous != null && !previous.equals(p.productId)) {
          throw new IllegalArgumentException(
              at + ".labels[" + l + "]: '" + p.labels[l] + "' already means " + previous);
        }
      }
      if (products.put(p.productId, p) != null) {
        throw new IllegalArgumentException(at + ".productId: '" + p.productId + "' appears twice");
      }
    }
    return new ProductCatalog(products, byLabel);
  }

  /** The product, or null when the catalog does not have it. */
  public CatalogProduct product(String productId) {
    return products.get(productId);
  }

  /** The product a detection label means, or null. */
  public String productForLabel(String label) {
    return productByLabel.get(key(label));
  }

  public int size() {
    return products.size();
  }

  public Map<String, CatalogProduct> products() {
    return Collections.unmodifiableMap(products);
  }

  private static String key(String label) {
    return label.trim().toLowerCase(Locale.ROOT);
  }

  private static String requiredText(JsonNode node, String field, String at) {
    String text = optionalText(node, field, at);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(at + "." + field + ": missing");
    }
    return text;
  }

  private static String optionalText(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(at + "." + field + ": must be text");
    }
    return value.asText();
  }
}
