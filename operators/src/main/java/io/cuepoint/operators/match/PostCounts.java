package io.cuepoint.operators.match;

import java.util.Arrays;

/**
 * Social posts counted per second of event time, oldest first: the surge rule needs counts over
 * minutes, not the posts themselves. Keyed state, so a Flink POJO.
 */
public class PostCounts {
  /** Epoch seconds, ascending, distinct. */
  public long[] seconds = new long[0];

  /** Posts in the same position's second. */
  public int[] counts = new int[0];

  public PostCounts() {}

  void add(long second) {
    int i = Arrays.binarySearch(seconds, second);
    if (i >= 0) {
      counts[i]++;
      return;
    }
    int at = -i - 1;
    seconds = insert(seconds, at, second);
    int[] grown = new int[counts.length + 1];
    System.arraycopy(counts, 0, grown, 0, at);
    grown[at] = 1;
    System.arraycopy(counts, at, grown, at + 1, counts.length - at);
    counts = grown;
  }

  /** Posts in the seconds {@code from} to {@code to}, both included. */
  int sum(long from, long to) {
    int total = 0;
    for (int i = 0; i < seconds.length; i++) {
      if (seconds[i] >= from && seconds[i] <= to) {
        total += counts[i];
      }
    }
    return total;
  }

  void dropBefore(long second) {
    int i = Arrays.binarySearch(seconds, second);
    int from = i >= 0 ? i : -i - 1;
    seconds = Arrays.copyOfRange(seconds, from, seconds.length);
    counts = Arrays.copyOfRange(counts, from, counts.length);
  }

  private static long[] insert(long[] values, int at, long value) {
    long[] grown = new long[values.length + 1];
    System.arraycopy(values, 0, grown, 0, at);
    grown[at] = value;
    System.arraycopy(values, at, grown, at + 1, values.length - at);
    return grown;
  }
}
