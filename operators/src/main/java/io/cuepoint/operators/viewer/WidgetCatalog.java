package io.cuepoint.operators.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The engagement widgets viewers can be offered, with their eligibility rules, read from the
 * widget catalog JSON: {@code {"widgets":[{id, type, title, minAge, countries,
 * frequencyCapPerHour, dismissCooldownMs}]}}.
 */
public final class WidgetCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<WidgetRule> widgets;

  public WidgetCatalog(List<WidgetRule> widgets) {
    this.widgets = Collections.unmodifiableList(new ArrayList<>(widgets));
  }

  /** In catalog order. */
  public List<WidgetRule> widgets() {
    return widgets;
  }

  public boolean contains(String id) {
    for (WidgetRule w : widgets) {
      if (w.id.equals(id)) {
        return true;
      }
    }
    return false;
  }

  WidgetRule get(String id) {
    for (WidgetRule w : widgets) {
      if (w.id.equals(id)) {
        return w;
      }
    }
    return null;
  }

  /** Throws {@link IllegalArgumentException} naming the widget and field that is wrong. */
  public static WidgetCatalog parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.path("widgets").isArray() || root.path("widgets").isEmpty()) {
      throw new IllegalArgumentException("expected {\"widgets\": [...]} with at least one widget");
    }
    List<WidgetRule> widgets = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode w : root.get("widgets")) {
      String at = "widgets[" + i++ + "]";
      String id = text(w, "id", at);
      if (!ids.add(id)) {
        throw new IllegalArgumentException(at + ".id: '" + id + "' appears twice");
      }
      at = "widget " + id;
      widgets.add(
          new WidgetRule(
              id,
              text(w, "type", at),
              (int) number(w, "minAge", 0, 150, at),
              countries(w, at),
              (int) number(w, "frequencyCapPerHour", 0, 3600, at),
              number(w, "dismissCooldownMs", 0, 366L * 24 * 3600 * 1000, at)));
    }
    return new WidgetCatalog(widgets);
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(at + "." + field + ": must be a non-empty text");
    }
    return v.asText();
  }

  private static long number(JsonNode node, String field, long min, long max, String at) {
    JsonNode v = node.get(field);
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new IllegalArgumentException(
          at + "." + field + ": must be a whole number from " + min + " to " + max);
    }
    return v.asLong();
  }

  private static String[] countries(JsonNode node, String at) {
    JsonNode v = node.get("countries");
    if (v == null) {
      return new String[0];
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(at + ".countries: must be an array of country codes");
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode c : v) {
      if (!c.isTextual() || c.asText().isBlank()) {
        throw new IllegalArgumentException(at + ".countries: must be an array of country codes");
      }
      codes.add(c.asText());
    }
    return codes.toArray(new String[0]);
  }
}
