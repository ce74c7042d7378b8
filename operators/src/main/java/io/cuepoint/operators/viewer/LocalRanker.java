package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.StringMap;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

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
  /** Views and takes by item, by item and context value, and by user and item. */
  private final HashMap<String, long[]> counts;
  private final long allViews;
  private final long allTakes;
  private final long interactions;

  LocalRanker(String[] contextColumns, Map<String, long[]> counts, long interactions) {
    this.contextColumns = contextColumns.clone();
    this.counts = new HashMap<>(counts);
    long[] all = counts.getOrDefault(allKey(), new long[2]);
    this.allViews = all[0];
    this.allTakes = all[1];
    this.interactions = interactions;
  }

  /** A ranker with no history: every item scores the same. */
  public static LocalRanker untrained() {
    return new LocalRanker(new String[0], new HashMap<>(), 0);
  }

  /** Interactions it was trained on. */
  public long interactions() {
    return interactions;
  }

  /** The context columns of the history: only these context keys affect scores. */
  public String[] contextColumns() {
    return contextColumns.clone();
  }

  /** Scores of {@code items} for the user in the context, in the same order, summing to 1. */
  public double[] scores(String userId, String[] items, StringMap context) {
    double[] s = new double[items.length];
    double sum = 0;
    for (int i = 0; i < items.length; i++) {
      s[i] = rawScore(userId, items[i], context);
      sum += s[i];
    }
    for (int i = 0; i < items.length; i++) {
      s[i] = s[i] / sum;
    }
    return s;
  }

  private double rawScore(String userId, String item, StringMap context) {
    double global = (allTakes + 1.0) / (Math.max(allViews, allTakes) + 2.0);
    double itemRate = smoothed(counts.get(itemKey(item)), global, ITEM_PRIOR);
    double score = itemRate;
    for (String column : contextColumns) {
      String value = context == null ? null : context.get(column);
      if (value != null) {
        score *= smoothed(counts.get(contextKey(item, column, value)), itemRate, CONTEXT_PRIOR) / itemRate;
      }
    }
    if (userId != null) {
      score *= smoothed(counts.get(userKey(userId, item)), itemRate, USER_PRIOR) / itemRate;
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

  static String allKey() {
    return "*";
  }

  static String itemKey(String item) {
    return "i\u0001" + item;
  }

  static String contextKey(String item, String column, String value) {
    return "c\u0001" + item + "\u0001" + column + "\u0001" + value;
  }

  static String userKey(String user, String item) {
    return "u\u0001" + user + "\u0001" + item;
  }
}
