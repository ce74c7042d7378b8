package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.RankedWidget;
import java.util.Map;

/**
 * Item ids best first, each once, with their scores: a ranking as two arrays, so ranking a
 * decision boxes, hashes and allocates nothing per item. Never changed once made, so one ranking
 * may be shared by many decisions and threads.
 */
public final class Ranking {
  private final String[] ids;
  private final double[] scores;

  private Ranking(String[] ids, double[] scores) {
    this.ids = ids;
    this.scores = scores;
  }

  /**
   * Items ordered by score, highest first ({@link Double#compare}), ties by id; an item listed
   * more than once is ranked once, by its last score.
   *
   * @param scores the score of each item, in the same order
   */
  public static Ranking byScore(String[] items, double[] scores) {
    int[] order = new int[items.length];
    int n = 0;
    for (int i = 0; i < items.length; i++) {
      if (!listedAfter(items, i)) {
        order[n++] = i;
      }
    }
    sortBestFirst(order, n, items, scores);
    String[] ids = new String[n];
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = items[order[i]];
      sorted[i] = scores[order[i]];
    }
    return new Ranking(ids, sorted);
  }

  /** A ranking as a ranker returned it, best first. */
  public static Ranking of(Map<String, Double> returned) {
    String[] ids = new String[returned.size()];
    double[] scores = new double[ids.length];
    int i = 0;
    for (Map.Entry<String, Double> e : returned.entrySet()) {
      ids[i] = e.getKey();
      scores[i] = e.getValue();
      i++;
    }
    return new Ranking(ids, scores);
  }

  /**
   * Sorts the first {@code n} indexes of {@code order} best first: higher score, then lower id.
   * An insertion sort, stable like the sort of a list: a decision ranks a handful of items.
   */
  static void sortBestFirst(int[] order, int n, String[] items, double[] scores) {
    for (int i = 1; i < n; i++) {
      int current = order[i];
      int j = i - 1;
      while (j >= 0 && before(items, scores, current, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = current;
    }
  }

  /** Whether item {@code a} goes before item {@code b}: higher score, then lower id. */
  private static boolean before(String[] items, double[] scores, int a, int b) {
    int byScore = Double.compare(scores[b], scores[a]);
    return byScore < 0 || (byScore == 0 && items[a].compareTo(items[b]) < 0);
  }

  public int size() {
    return ids.length;
  }

  public String id(int rank) {
    return ids[rank];
  }

  public double score(int rank) {
    return scores[rank];
  }

  /** The score of the item, or {@code missing} when it is not ranked. */
  public double scoreOf(String id, double missing) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(id)) {
        return scores[i];
      }
    }
    return missing;
  }

  /** The ranking as widgets, rank 1 first. */
  RankedWidget[] widgets() {
    RankedWidget[] out = new RankedWidget[ids.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = widget(ids[i], i + 1, scores[i]);
    }
    return out;
  }

  static RankedWidget widget(String id, int rank, double score) {
    RankedWidget w = new RankedWidget();
    w.id = id;
    w.rank = rank;
    w.score = score;
    return w;
  }

  private static boolean listedAfter(String[] items, int i) {
    for (int j = i + 1; j < items.length; j++) {
      if (items[j].equals(items[i])) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code id} is among the first {@code n} of {@code ids}. */
  static boolean contains(String[] ids, int n, String id) {
    for (int i = 0; i < n; i++) {
      if (ids[i].equals(id)) {
        return true;
      }
    }
    return false;
  }
}
