package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Panes combined in the scratch union give what a plain reference gives: each name of each list
 * once with its best confidence and its frames added up, each list sorted best first.
 */
class PaneUnionTest {
  private static final String[] NAMES = {"ball", "Ball", "scarf", "anthem", "crowd", "é", ""};
  private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, 100.0, 50.0};

  /** Highest confidence in {@link Double#compare}'s order, then by name. */
  static final Comparator<PaneItem> BEST_FIRST =
      Comparator.comparing((PaneItem i) -> i.list)
          .thenComparing((a, b) -> Double.compare(b.confidence, a.confidence))
          .thenComparing(i -> i.name);

  @Test
  void combinesEachNameOfEachListOnceBestFirst() {
    Random random = new Random(7);
    PaneUnion union = new PaneUnion();
    for (int run = 0; run < 2_000; run++) {
      // Now and then many names, so the table and the arrays grow and long lists are merged.
      int vocabulary = run % 50 == 0 ? 400 : NAMES.length;
      List<PaneItem[]> panes = new ArrayList<>();
      int paneCount = 1 + random.nextInt(4);
      union.clear();
      for (int p = 0; p < paneCount; p++) {
        PaneItem[] pane = randomPane(random, vocabulary);
        panes.add(pane);
        union.add(pane);
      }

      List<String> expected = expected(panes);
      assertThat(bestFirst(union)).as("run %d", run).isEqualTo(expected);
      for (ContextList list : ContextList.values()) {
        assertThat(union.size(list))
            .isEqualTo(expected.stream().filter(s -> s.startsWith(list + "/")).count());
      }
    }
  }

  @Test
  void aClearedUnionHoldsNothingOfTheLastOne() {
    PaneUnion union = new PaneUnion();
    union.add(new PaneItem[] {new PaneItem(ContextList.LABELS, "ball", 80.0, 3)});
    union.clear();
    union.add(new PaneItem[] {new PaneItem(ContextList.LABELS, "ball", 60.0, 1)});

    assertThat(bestFirst(union)).containsExactly("LABELS/ball/60.0/1");
  }

  @Test
  void theSortKeyOrdersConfidencesAsDoubleCompare() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      double a = randomConfidence(random);
      double b = randomConfidence(random);
      assertThat(Long.signum(Long.compare(PaneUnion.sortKey(a), PaneUnion.sortKey(b))))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(Double.compare(a, b)));
    }
  }

  private static double randomConfidence(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return SPECIAL[random.nextInt(SPECIAL.length)];
      case 1:
        return -random.nextDouble() * 100;
      case 2:
        return random.nextInt(5) * 10.0;
      default:
        return random.nextDouble() * 100;
    }
  }

  private static List<String> bestFirst(PaneUnion union) {
    String[] names = new String[union.size];
    double[] confidences = new double[union.size];
    int[] frames = new int[union.size];
    union.copyBestFirst(names, confidences, frames);
    List<String> out = new ArrayList<>();
    int k = 0;
    for (ContextList list : ContextList.values()) {
      for (int end = k + union.size(list); k < end; k++) {
        out.add(describe(list, names[k], confidences[k], frames[k]));
      }
    }
    return out;
  }

  /** The reference: a map of combined items, sorted with a comparator. */
  static List<String> expected(List<PaneItem[]> panes) {
    Map<String, PaneItem> combined = new LinkedHashMap<>();
    for (PaneItem[] pane : panes) {
      for (PaneItem item : pane) {
        combined.merge(
            item.list + "/" + item.name,
            new PaneItem(item.list, item.name, item.confidence, item.frames),
            (a, b) ->
                new PaneItem(
                    a.list, a.name, Math.max(a.confidence, b.confidence), a.frames + b.frames));
      }
    }
    List<PaneItem> items = new ArrayList<>(combined.values());
    items.sort(BEST_FIRST);
    List<String> out = new ArrayList<>();
    for (PaneItem item : items) {
      out.add(describe(item.list, item.name, item.confidence, item.frames));
    }
    return out;
  }

  private static String describe(ContextList list, String name, double confidence, int frames) {
    return list + "/" + name + "/" + confidence + "/" + frames;
  }

  /** Items in key order, each name once per list, as a pane holds them; names not shared. */
  static PaneItem[] randomPane(Random random, int vocabulary) {
    List<PaneItem> items = new ArrayList<>();
    for (ContextList list : ContextList.values()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < vocabulary; i++) {
        if (random.nextInt(3) == 0) {
          names.add(new String(i < NAMES.length ? NAMES[i] : "n" + i));
        }
      }
      names.sort(Comparator.naturalOrder());
      for (String name : names) {
        // Few confidences, so ties, which the name must break, are common.
        double confidence =
            random.nextInt(10) == 0
                ? SPECIAL[random.nextInt(SPECIAL.length)]
                : 50 + random.nextInt(4) * 10.0;
        items.add(new PaneItem(list, name, confidence, 1 + random.nextInt(3)));
      }
    }
    return items.toArray(new PaneItem[0]);
  }
}
