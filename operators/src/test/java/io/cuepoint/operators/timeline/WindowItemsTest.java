package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One scratch WindowItems reused for windows of any size gives each window's own items. */
class WindowItemsTest {
  @Test
  void eachCombinationIsThatOfItsPanesAlone() {
    Random random = new Random(13);
    WindowItems items = new WindowItems();
    for (int run = 0; run < 2_000; run++) {
      DetectionPane[] panes = new DetectionPane[1 + random.nextInt(6)];
      for (int p = 0; p < panes.length; p++) {
        panes[p] = new DetectionPane();
        panes[p].index = p;
        panes[p].items = PaneUnionTest.randomPane(random, run % 40 == 0 ? 300 : 7);
        panes[p].latestEventTime = random.nextInt(3);
        panes[p].latestPositionMs = random.nextInt(3);
      }
      int from = random.nextInt(panes.length);
      int to = from + 1 + random.nextInt(panes.length - from);

      items.combine(panes, from, to);

      assertThat(describe(items)).as("run %d", run).isEqualTo(expected(panes, from, to));
      assertThat(items.latest).isSameAs(latest(panes, from, to));
      assertThat(items.covers(panes, from, to)).isTrue();
      items.forget();
      assertThat(items.covers(panes, from, to)).isFalse();
    }
  }

  private static List<String> describe(WindowItems items) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size; i++) {
      ContextList list =
          i < items.labelsEnd
              ? ContextList.LABELS
              : i < items.celebritiesEnd ? ContextList.CELEBRITIES : ContextList.PRODUCTS;
      out.add(list + "/" + items.names[i] + "/" + items.confidences[i] + "/" + items.frames[i]);
    }
    return out;
  }

  private static List<String> expected(DetectionPane[] panes, int from, int to) {
    List<PaneItem[]> window = new ArrayList<>();
    for (int p = from; p < to; p++) {
      window.add(panes[p].items);
    }
    return PaneUnionTest.expected(window);
  }

  /** The first pane with the latest event time, then stream position. */
  private static DetectionPane latest(DetectionPane[] panes, int from, int to) {
    DetectionPane latest = panes[from];
    for (int p = from + 1; p < to; p++) {
      if (panes[p].latestEventTime > latest.latestEventTime
          || (panes[p].latestEventTime == latest.latestEventTime
              && panes[p].latestPositionMs > latest.latestPositionMs)) {
        latest = panes[p];
      }
    }
    return latest;
  }
}
