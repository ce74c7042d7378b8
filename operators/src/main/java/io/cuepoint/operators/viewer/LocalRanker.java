package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;

/**
 * The embedded ranker: scores items by how often they were taken (clicked or bought) when shown,
 * in contexts like this one and by this user, from an interactions history. Each rate is smoothed
 * towards the rate one level up (context and user towards the item's, the item's towards all
 * items'), so a combination never seen still ranks sensibly: by what is known about its parts.
 *
 * <p>score(item) = itemRate × Π over context columns (contextRate / itemRate) × (userRate /
 * itemRate), normalised to sum to 1 over the items ranked, as Personalize's scores do. No
 * randomness, no iteration order: the same history and question always give the same answer.
 */
public final class LocalRanker implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Pseudo-views pulling an item's rate towards the rate of all items. */
  static final double ITEM_PRIOR = 20;
  /** Pseudo-views pulling a rate in one context towards the item's rate. */
  static final double CONTEXT_PRIOR = 10;
  /** Pseudo-views pulling a user's rate towards the item's rate. */
  static final double USER_PRIOR = 5;

  private final String[] contextColumns;
  /** Views and takes by item, and under each item by context value and by user. */
  private final HashMap<String, ItemCounts> items;
  private final long allViews;
  private final long allTakes;
  private final long interactions;
  /** Every user of the history: see {@link #knows}. */
  private final HashSet<String> users = new HashSet<>();

  LocalRanker(String[] contextColumns, HashMap<String, ItemCounts> items, long[] all, long interactions) {
    this.contextColumns = contextColumns.clone();
    this.items = items;
    for (ItemCounts counts : items.values()) {
      users.addAll(counts.byUser.keySet());
    }
    this.allViews = all[0];
    this.allTakes = all[1];
    this.interactions = interactions;
  }

  /** A ranker with no history: every item scores the same. */
  public static LocalRanker untrained() {
    return new LocalRanker(new String[0], new HashMap<>(), new long[2], 0);
  }

  /** Interactions it was trained on. */
  public long interactions() {
    return interactions;
  }

  /** The context columns of the history: only these context keys affect scores. */
  public String[] contextColumns() {
    return contextColumns.clone();
  }

  /**
   * Whether the history has anything of the user. For a user it has nothing of, every score is
   * multiplied by smoothed(nothing, itemRate) / itemRate = itemRate / itemRate, exactly 1.0 for
   * the finite positive itemRate: the scores are bit for bit those of no user (null), so all
   * unknown users of a context can share one ranking.
   */
  public boolean knows(String userId) {
    return userId != null && users.contains(userId);
  }

  /** Scores of {@code items} for the user in the context, in the same order, summing to 1. */
  public double[] scores(String userId, String[] items, StringMap context) {
    String[] values = contextValues(context);
    double[] s = new double[items.length];
    double sum = 0;
    for (int i = 0; i < items.length; i++) {
      s[i] = rawScore(userId, items[i], values);
      sum += s[i];
    }
    for (int i = 0; i < items.length; i++) {
      s[i] = s[i] / sum;
    }
    return s;
  }

  /** The context's value for each context column, null where it has none: the same for every item. */
  private String[] contextValues(StringMap context) {
    String[] values = new String[contextColumns.length];
    if (context != null) {
      for (int c = 0; c < values.length; c++) {
        values[c] = context.get(contextColumns[c]);
      }
    }
    return values;
  }

  private double rawScore(String userId, String item, String[] contextValues) {
    double global = (allTakes + 1.0) / (Math.max(allViews, allTakes) + 2.0);
    ItemCounts counts = items.get(item);
    double itemRate = smoothed(counts == null ? null : counts.viewsTakes, global, ITEM_PRIOR);
    double score = itemRate;
    for (int c = 0; c < contextValues.length; c++) {
      String value = contextValues[c];
      if (value != null) {
        long[] byValue = counts == null ? null : counts.byContext[c].get(value);
        score *= smoothed(byValue, itemRate, CONTEXT_PRIOR) / itemRate;
      }
    }
    if (userId != null) {
      long[] byUser = counts == null ? null : counts.byUser.get(userId);
      score *= smoothed(byUser, itemRate, USER_PRIOR) / itemRate;
    }
    return score;
  }

  private static double smoothed(long[] viewsTakes, double prior, double weight) {
    if (viewsTakes == null) {
      return prior;
    }
    long takes = viewsTakes[1];
    long views = Math.max(viewsTakes[0], takes);
    return (takes + weight * prior) / (views + weight);
  }

  /**
   * One item's views and takes: in all, by value of each context column (in context column
   * order; columns of the same name share one map) and by user.
   */
  static final class ItemCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    final long[] viewsTakes = new long[2];
    final HashMap<String, long[]>[] byContext;
    final HashMap<String, long[]> byUser = new HashMap<>();

    @SuppressWarnings("unchecked")
    ItemCounts(String[] contextColumns) {
      byContext = new HashMap[contextColumns.length];
      for (int c = 0; c < contextColumns.length; c++) {
        int first = Arrays.asList(contextColumns).indexOf(contextColumns[c]);
        byContext[c] = first < c ? byContext[first] : new HashMap<>();
      }
    }
  }
}
