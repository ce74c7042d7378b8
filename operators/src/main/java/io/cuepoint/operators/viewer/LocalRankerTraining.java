package io.cuepoint.operators.viewer;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trains the {@link LocalRanker} from an interactions file in the CSV layout Amazon Personalize
 * imports: a header naming {@code USER_ID}, {@code ITEM_ID}, {@code EVENT_TYPE} (and usually
 * {@code TIMESTAMP}), then one interaction per line. Every other column is a context column (e.g.
 * {@code MATCH_PHASE}). A {@code View} is a showing; a {@code Click} or {@code Purchase} is a take;
 * other event types are not counted.
 */
public final class LocalRankerTraining {
  private static final Set<String> NOT_CONTEXT =
      Set.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID");

  private LocalRankerTraining() {}

  /** Throws {@link IllegalArgumentException} naming the line that cannot be read. */
  public static LocalRanker fromCsv(BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException("empty file: expected a header with USER_ID,ITEM_ID,EVENT_TYPE");
    }
    List<String> columns = fields(header.startsWith("\uFEFF") ? header.substring(1) : header, 1);
    int user = indexOf(columns, "USER_ID");
    int item = indexOf(columns, "ITEM_ID");
    int type = indexOf(columns, "EVENT_TYPE");
    List<Integer> contextIndexes = new ArrayList<>();
    List<String> contextColumns = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).trim().toUpperCase(Locale.ROOT);
      if (!NOT_CONTEXT.contains(name)) {
        contextIndexes.add(i);
        contextColumns.add(PersonalizeContext.key(name));
      }
    }
    String[] columnNames = contextColumns.toArray(new String[0]);
    HashMap<String, LocalRanker.ItemCounts> items = new HashMap<>();
    long[] all = new long[2];
    long interactions = 0;
    int lineNumber = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields(line, lineNumber);
      if (f.size() != columns.size()) {
        throw new IllegalArgumentException(
            "line " + lineNumber + ": " + f.size() + " fields, the header has " + columns.size());
      }
      String userId = f.get(user).trim();
      String itemId = f.get(item).trim();
      if (userId.isEmpty() || itemId.isEmpty()) {
        throw new IllegalArgumentException("line " + lineNumber + ": USER_ID and ITEM_ID must not be empty");
      }
      int slot = slot(f.get(type));
      if (slot < 0) {
        continue;
      }
      interactions++;
      all[slot]++;
      LocalRanker.ItemCounts counts = items.computeIfAbsent(itemId, k -> new LocalRanker.ItemCounts(columnNames));
      counts.viewsTakes[slot]++;
      count(counts.byUser, userId, slot);
      for (int c = 0; c < contextIndexes.size(); c++) {
        String value = f.get(contextIndexes.get(c)).trim();
        if (!value.isEmpty()) {
          count(counts.byContext[c], value, slot);
        }
      }
    }
    return new LocalRanker(columnNames, items, all, interactions);
  }

  /** 0 for a showing, 1 for a take, -1 for an event type that is neither. */
  private static int slot(String eventType) {
    switch (eventType.trim().toLowerCase(Locale.ROOT)) {
      case "view":
        return 0;
      case "click":
      case "purchase":
        return 1;
      default:
        return -1;
    }
  }

  private static void count(HashMap<String, long[]> counts, String key, int slot) {
    counts.computeIfAbsent(key, k -> new long[2])[slot]++;
  }

  private static int indexOf(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("line 1: the header has no " + name + " column");
  }

  /** One CSV line: commas separate, double quotes enclose, two double quotes are one. */
  static List<String> fields(String line, int lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + lineNumber + ": a quoted field is not closed");
    }
    out.add(field.toString());
    return out;
  }
}
