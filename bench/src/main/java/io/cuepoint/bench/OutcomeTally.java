package io.cuepoint.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping of a run that must lose nothing: the records that went in, and for every record
 * that came out its id and outcome (a decision, a fallback, a status). A record is lost when its
 * id never comes out, and duplicated when it comes out more than once.
 */
final class OutcomeTally {
  private final long in;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> outcomes = new ConcurrentHashMap<>();
  private final AtomicLong out = new AtomicLong();

  OutcomeTally(long in) {
    this.in = in;
  }

  void record(String id, String outcome) {
    out.incrementAndGet();
    seen.add(id);
    outcomes.merge(outcome, 1L, Long::sum);
  }

  long in() {
    return in;
  }

  long out() {
    return out.get();
  }

  long lost() {
    return in - seen.size();
  }

  long duplicates() {
    return out.get() - seen.size();
  }

  long count(String outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** Outcomes with their counts, by name. */
  Map<String, Long> outcomes() {
    return new TreeMap<>(outcomes);
  }

  /** {@code "SENT 1,234, SUPERSEDED 5"}. */
  String describe() {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, Long> e : outcomes().entrySet()) {
      s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(" %,d", e.getValue()));
    }
    return s.toString();
  }
}
