package io.cuepoint.operators.timeline;

import java.util.HashMap;

/**
 * One copy of each item name: every record brings its own copies of the same few hundred names,
 * and panes holding shared ones compare equal names by reference and keep them in the CPU cache.
 * Bounded, so an unbounded vocabulary costs a lookup per name, not memory.
 */
final class ItemNames {
  static final int MAX_NAMES = 50_000;

  private final HashMap<String, String> names = new HashMap<>();

  String shared(String name) {
    String shared = names.get(name);
    if (shared != null) {
      return shared;
    }
    if (names.size() < MAX_NAMES) {
      names.put(name, name);
    }
    return name;
  }
}
