package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;
import java.util.Arrays;

/**
 * The last few results worked out from a context, a list of items and a number. The decisions of
 * one occasion arrive one after another and share a few contexts (one per favourite team) and
 * item lists, so a handful of entries finds almost all of them; a miss only costs working it out.
 *
 * <p>Safe to share between threads without locks: an entry is immutable (final fields, arrays
 * never written after it is made) and replaces another whole, so a reader sees a complete entry
 * or an older one. Values must be immutable too.
 */
final class ContextMemo<V> {
  private static final int ENTRIES = 16;

  private final Entry<?>[] entries = new Entry<?>[ENTRIES];
  /** Where the next entry goes: the oldest is replaced. */
  private int next;

  /** The value for exactly this context, these items (in order) and this number, or null. */
  @SuppressWarnings("unchecked")
  V get(StringMap context, String[] items, double number) {
    long bits = Double.doubleToLongBits(number);
    int hash = hash(context, items, bits);
    int newest = next;
    for (int k = 1; k <= ENTRIES; k++) {
      Entry<?> e = entries[Math.floorMod(newest - k, ENTRIES)];
      if (e != null && e.hash == hash && e.number == bits && e.matches(context, items)) {
        return (V) e.value;
      }
    }
    return null;
  }

  /** Keeps the value, which must never change afterwards. */
  void put(StringMap context, String[] items, double number, V value) {
    int slot = next;
    entries[slot] = new Entry<>(context, items, Double.doubleToLongBits(number), value);
    next = (slot + 1) % ENTRIES;
  }

  /** Strings keep their hash: once worked out, this is a few multiplications per string. */
  private static int hash(StringMap context, String[] items, long number) {
    return (31 * Arrays.hashCode(context.values) + Arrays.hashCode(items)) * 31 + Long.hashCode(number);
  }

  private static final class Entry<V> {
    final int hash;
    final String[] keys;
    final String[] values;
    final String[] items;
    final long number;
    final V value;

    Entry(StringMap context, String[] items, long number, V value) {
      // Copies: whoever made the request may change its arrays later.
      this.keys = context.keys.clone();
      this.values = context.values.clone();
      this.items = items.clone();
      this.number = number;
      this.value = value;
      this.hash = hash(context, items, number);
    }

    boolean matches(StringMap context, String[] items) {
      // Each compares references first: the requests of one occasion share their strings.
      return Arrays.equals(this.items, items)
          && Arrays.equals(keys, context.keys)
          && Arrays.equals(values, context.values);
    }
  }
}
