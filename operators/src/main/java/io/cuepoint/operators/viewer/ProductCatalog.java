package io.cuepoint.operators.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What viewer decisions need from the product catalog ({@code {"products":[{productId, labels,
 * related, ...}]}}): the products related to each one (the candidates for discounts while it is on
 * screen) and the detection labels that mean a product.
 */
public final class ProductCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NONE = new String[0];

  private final HashMap<String, String[]> related;
  private final HashMap<String, String> productByLabel;

  public ProductCatalog(Map<String, String[]> related, Map<String, String> productByLabel) {
    this.related = new HashMap<>(related);
    this.productByLabel = new HashMap<>(productByLabel);
  }

  public static ProductCatalog empty() {
    return new ProductCatalog(Collections.emptyMap(), Collections.emptyMap());
  }

  public boolean contains(String productId) {
    return related.containsKey(productId);
  }

  public int size() {
    return related.size();
  }

  /** The products a detection label stands for, or null. */
  public String productForLabel(String label) {
    return productByLabel.get(label);
  }

  /**
   * Related products of the given on-screen products, in catalog order, without duplicates and
   * without the on-screen products themselves.
   */
  public String[] offerCandidates(String[] onScreen) {
    // Most windows show no catalog product: no collection is made for them.
    Set<String> candidates = null;
    for (String product : onScreen) {
      String[] r = related.get(product);
      if (r != null) {
        for (String candidate : r) {
          if (!showing(onScreen, candidate)) {
            if (candidates == null) {
              candidates = new LinkedHashSet<>();
            }
            candidates.add(candidate);
          }
        }
      }
    }
    return candidates == null ? NONE : candidates.toArray(NONE);
  }

  /** A linear search: a window shows a handful of products. */
  private static boolean showing(String[] onScreen, String product) {
    for (String p : onScreen) {
      if (product.equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** Throws {@link IllegalArgumentException} naming the product and field that is wrong. */
  public static ProductCatalog parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.path("products").isArray()) {
      throw new IllegalArgumentException("expected {\"products\": [...]}");
    }
    Map<String, String[]> related = new HashMap<>();
    Map<String, String> byLabel = new HashMap<>();
    int i = 0;
    for (JsonNode p : root.get("products")) {
      String at = "products[" + i++ + "]";
      JsonNode id = p.get("productId");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new IllegalArgumentException(at + ".productId: must be a non-empty text");
      }
      String productId = id.asText();
      if (related.containsKey(productId)) {
        throw new IllegalArgumentException(at + ".productId: '" + productId + "' appears twice");
      }
      related.put(productId, texts(p, "related", "product " + productId));
      for (String label : texts(p, "labels", "product " + productId)) {
        String before = byLabel.put(label, productId);
        if (before != null) {
          throw new IllegalArgumentException(
              "product " + productId + ".labels: '" + label + "' already means " + before);
        }
      }
    }
    for (Map.Entry<String, String[]> e : related.entrySet()) {
      for (String r : e.getValue()) {
        if (!related.containsKey(r)) {
          throw new IllegalArgumentException(
              "product " + e.getKey() + ".related: '" + r + "' is not in the catalog");
        }
      }
    }
    return new ProductCatalog(related, byLabel);
  }

  private static String[] texts(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode t : v) {
        if (!t.isTextual() || t.asText().isBlank()) {
          throw new IllegalArgumentException(at + "." + field + ": must be an array of texts");
        }
        out.add(t.asText());
      }
      return out.toArray(new String[0]);
    }
    throw new IllegalArgumentException(at + "." + field + ": must be an array of texts");
  }
}
