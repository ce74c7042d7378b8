package io.cuepoint.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Dead letters counted by reason. Errors name values ("confidence 250.0 is outside 0..100",
 * "late: eventTime 1780… is behind …"), so the reason is the error with its numbers and quoted
 * text taken out, or its prefix where it has one ("late", "not valid JSON").
 */
final class DeadLetterReasons {
  /** Distinct reasons kept; any further ones are counted together. */
  static final int MAX_REASONS = 100;
  static final String OTHER = "other reasons";

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final int PREFIX_MAX = 40;

  /** How many dead letters one reason had, from which inputs, and one full error as an example. */
  static final class Reason {
    final String reason;
    final String example;
    long count;
    final Map<String, Long> byInput = new TreeMap<>();

    Reason(String reason, String example) {
      this.reason = reason;
      this.example = example;
    }
  }

  private final Map<String, Reason> reasons = new LinkedHashMap<>();
  private long total;

  void add(String input, String error) {
    String text = error == null ? "no reason given" : error;
    String key = reasonOf(text);
    if (!reasons.containsKey(key) && reasons.size() >= MAX_REASONS) {
      key = OTHER;
    }
    Reason r = reasons.computeIfAbsent(key, k -> new Reason(k, RecordText.cut(text, 300)));
    r.count++;
    r.byInput.merge(input == null ? "?" : input, 1L, Long::sum);
    total++;
  }

  long total() {
    return total;
  }

  /** Most frequent first. */
  List<Reason> reasons() {
    List<Reason> sorted = new ArrayList<>(reasons.values());
    sorted.sort(Comparator.<Reason>comparingLong(r -> -r.count).thenComparing(r -> r.reason));
    return sorted;
  }

  static String reasonOf(String error) {
    int colon = error.indexOf(": ");
    if (colon > 0 && colon <= PREFIX_MAX) {
      return NUMBER.matcher(error.substring(0, colon)).replaceAll("N");
    }
    String general = NUMBER.matcher(QUOTED.matcher(error).replaceAll("'…'")).replaceAll("N");
    return general.length() <= 120 ? general : general.substring(0, 120) + "…";
  }
}
