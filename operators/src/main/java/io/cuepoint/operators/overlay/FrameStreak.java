package io.cuepoint.operators.overlay;

import java.util.Arrays;

/** How many consecutive frames of one media and source named each product, up to the last frame. */
public class FrameStreak {
  /** Sorted, as in the frame. */
  public String[] productIds = new String[0];
  public int[] counts = new int[0];

  public FrameStreak() {}

  /** The streaks after {@code frame}: products it names go on (or start at 1), others end. */
  FrameStreak next(ProductFrame frame) {
    FrameStreak n = new FrameStreak();
    n.productIds = frame.productIds.clone();
    n.counts = new int[n.productIds.length];
    for (int i = 0; i < n.productIds.length; i++) {
      int previous = Arrays.binarySearch(productIds, n.productIds[i]);
      n.counts[i] = previous >= 0 ? counts[previous] + 1 : 1;
    }
    return n;
  }
}
