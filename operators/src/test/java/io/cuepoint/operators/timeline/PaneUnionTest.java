package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Panes combined in the scratch union give what combining their items one by one gives. */
class PaneUnionTest {
  private static final String[] NAMES = {"ball", "Ball", "scarf", "anthem", "crowd", "é", ""};
  private static final Comparator<PaneItem> BEST_FIRST =
      Comparator.comparingDouble((PaneItem i) -> -i.confidence).thenComparing(i -> i.name);

  @Test
  void combinesEachNameOfEachListOnceInKeyOrder() {
    Random random = new Random(7);
    PaneUnion union = new PaneUnion();
    for (int run = 0; run < 2_000; run++) {
      Map<String, PaneItem> expected = new TreeMap<>();
      union.clear();
      int panes = 1 + random.nextInt(4);
      for (int p = 0; p < panes; p++) {
        PaneItem[] pane = randomPane(random);
        for (PaneItem item : pane) {
          expected.merge(
              item.list.ordinal() + "/" + item.name,
              new PaneItem(item.list, item.name, item.confidence, item.frames),
              (a, b) ->
                  new PaneItem(
                      a.list, a.name, Math.max(a.confidence, b.confidence), a.frames + b.frames));
        }
        union.add(pane);
      }

      List<String> actual = new ArrayList<>();
      for (int i = 0; i < union.size; i++) {
        actual.add(
            describe(
                ContextList.values()[union.lists[i]],
                union.names[i],
                union.confidences[i],
                union.frames[i]));
      }
      List<String> wanted = new ArrayList<>();
      for (PaneItem item : expected.values()) {
        wanted.add(describe(item.list, item.name, item.confidence, item.frames));
      }
      assertThat(actual).as("run %d", run).isEqualTo(wanted);
    }
  }

  @Test
  void copiesEachRunBestFirstThenByName() {
    Random random = new Random(11);
    PaneUnion union = new PaneUnion();
    for (int run = 0; run < 2_000; run++) {
      int length = 1 + random.nextInt(run % 10 == 0 ? 400 : 40);
      PaneItem[] pane = new PaneItem[length];
      for (int i = 0; i < length; i++) {
        // Few confidences, so ties, which the name must break, are common.
        double confidence = 50 + random.nextInt(5) * 10.0;
        pane[i] = new PaneItem(ContextList.LABELS, "n" + (1000 + i), confidence, i);
      }
      union.clear();
      union.add(pane);
      PaneItem[] expected = pane.clone();
      Arrays.sort(expected, BEST_FIRST);

      String[] names = new String[length];
      double[] confidences = new double[length];
      int[] frames = new int[length];
      union.copyBestFirst(0, length, names, confidences, frames);

      List<String> actual = new ArrayList<>();
      List<String> wanted = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        actual.add(describe(ContextList.LABELS, names[i], confidences[i], frames[i]));
        PaneItem e = expected[i];
        wanted.add(describe(ContextList.LABELS, e.name, e.confidence, e.frames));
      }
      assertThat(actual).as("run %d", run).isEqualTo(wanted);
    }
  }

  @Test
  void ordersARunOfOneListWithinTheUnion() {
    PaneUnion union = new PaneUnion();
    union.add(
        new PaneItem[] {
          new PaneItem(ContextList.LABELS, "b", 50.0, 1),
          new PaneItem(ContextList.CELEBRITIES, "a", 70.0, 1),
          new PaneItem(ContextList.CELEBRITIES, "b", 90.0, 2),
          new PaneItem(ContextList.CELEBRITIES, "c", 70.0, 3),
          new PaneItem(ContextList.PRODUCTS, "a", 60.0, 1)
        });
    String[] names = new String[5];

    union.copyBestFirst(1, 4, names, new double[5], new int[5]);

    assertThat(names).containsExactly(null, "b", "a", "c", null);
    assertThat(union.runEnd(0, ContextList.LABELS)).isEqualTo(1);
    assertThat(union.runEnd(1, ContextList.CELEBRITIES)).isEqualTo(4);
    assertThat(union.runEnd(4, ContextList.PRODUCTS)).isEqualTo(5);
  }

  private static String describe(ContextList list, String name, double confidence, int frames) {
    return list + "/" + name + "/" + confidence + "/" + frames;
  }

  /** Items in key order, each name once per list, as a pane holds them. */
  private static PaneItem[] randomPane(Random random) {
    List<PaneItem> items = new ArrayList<>();
    for (ContextList list : ContextList.values()) {
      String[] names = NAMES.clone();
      Arrays.sort(names);
      for (String name : names) {
        if (random.nextInt(3) == 0) {
          items.add(
              new PaneItem(list, name, 50 + random.nextInt(4) * 10.0, 1 + random.nextInt(3)));
        }
      }
    }
    return items.toArray(new PaneItem[0]);
  }
}
