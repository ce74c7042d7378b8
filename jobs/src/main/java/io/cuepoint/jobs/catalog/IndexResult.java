package io.cuepoint.jobs.catalog;

import java.util.ArrayList;
import java.util.List;

/** What one indexing run did. */
final class IndexResult {
  final List<String> embedded = new ArrayList<>();
  final List<String> unchanged = new ArrayList<>();
  final List<String> removed = new ArrayList<>();
  /** Products without an image file. */
  final List<String> missing = new ArrayList<>();
  /** Products whose image could not be read, with the reason. */
  final List<String> unreadable = new ArrayList<>();

  String summary() {
    StringBuilder s = new StringBuilder();
    s.append(embedded.size()).append(" embedded, ")
        .append(unchanged.size()).append(" unchanged, ")
        .append(removed.size()).append(" removed, ")
        .append(missing.size()).append(" without an image");
    if (!missing.isEmpty()) {
      s.append(" (").append(String.join(", ", missing)).append(')');
    }
    if (!unreadable.isEmpty()) {
      s.append(", ").append(unreadable.size()).append(" unreadable (")
          .append(String.join("; ", unreadable)).append(')');
    }
    return s.toString();
  }
}
