package io.cuepoint.operators.viewer;

import static io.cuepoint.operators.viewer.ViewerHarness.MEDIA;
import static io.cuepoint.operators.viewer.ViewerHarness.T0;
import static io.cuepoint.operators.viewer.ViewerHarness.event;
import static io.cuepoint.operators.viewer.ViewerHarness.interaction;
import static io.cuepoint.operators.viewer.ViewerHarness.join;
import static io.cuepoint.operators.viewer.ViewerHarness.match;
import static io.cuepoint.operators.viewer.ViewerHarness.screen;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.junit.jupiter.api.Test;

/**
 * The operator's viewer index stays what its viewers' state says through joins, leaves,
 * interactions, decisions (with and without something to offer) and sweeps, across a snapshot and
 * restore, and is rebuilt when missing (state saved before it existed).
 */
class ViewerIndexStateTest {
  private static final long SECOND = 1_000L;
  private static final String[] MEDIA_IDS = {MEDIA, "semi-2026"};
  private static final String[] PRODUCTS = {
    "prod-jersey-home-2026", "prod-boots-velocity-9", "prod-ball-final-2026", "prod-scarf-sierra", "prod-flag-final-2026"
  };

  private final ViewerSettings settings = settings();

  private static ViewerSettings settings() {
    ViewerSettings s = new ViewerSettings();
    s.decisionIntervalMs = 20 * SECOND;
    s.viewerIdleTimeoutMs = 60 * SECOND;
    return s;
  }

  @Test
  void randomViewersKeepTheIndexConsistentWithTheirState() throws Exception {
    List<List<Object>> batches = randomBatches(11, 40);
    try (ViewerHarness h = new ViewerHarness(settings)) {
      for (int b = 0; b < batches.size(); b++) {
        h.inputs(batches.get(b)).watermark(T0 + (b + 1) * 10 * SECOND);
        for (String media : MEDIA_IDS) {
          assertConsistent(h, media);
        }
      }
      assertThat(h.requests()).hasSizeGreaterThan(100);
      h.watermark(T0 + 48 * 3_600_000L);
      assertThat(h.harness.numKeyedStateEntries()).as("index cleared with the viewers").isZero();
    }
  }

  @Test
  void decisionsAreThoseOfAnIndexRebuiltFromTheViewersAtEveryStep() throws Exception {
    List<List<Object>> batches = randomBatches(12, 40);
    List<String> kept = run(batches, false);
    List<String> rebuilt = run(batches, true);
    assertThat(kept).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(rebuilt);
  }

  @Test
  void aRestoredOperatorCarriesOnWithTheSameIndexAndDecisions() throws Exception {
    List<List<Object>> batches = randomBatches(13, 40);
    List<String> uninterrupted = run(batches, false);

    List<String> resumed = new ArrayList<>();
    try (ViewerHarness first = new ViewerHarness(settings)) {
      for (int b = 0; b < 20; b++) {
        first.inputs(batches.get(b)).watermark(T0 + (b + 1) * 10 * SECOND);
      }
      // Buffered past the watermark at the snapshot.
      first.inputs(batches.get(20));
      resumed.addAll(described(first.requests()));
      try (ViewerHarness second = new ViewerHarness(settings, first.snapshot())) {
        for (String media : MEDIA_IDS) {
          assertConsistent(second, media);
        }
        second.watermark(T0 + 21 * 10 * SECOND);
        for (int b = 21; b < batches.size(); b++) {
          second.inputs(batches.get(b)).watermark(T0 + (b + 1) * 10 * SECOND);
          for (String media : MEDIA_IDS) {
            assertConsistent(second, media);
          }
        }
        resumed.addAll(described(second.requests()));
      }
    }
    assertThat(resumed).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  private List<String> run(List<List<Object>> batches, boolean dropIndexEachStep) throws Exception {
    try (ViewerHarness h = new ViewerHarness(settings)) {
      for (int b = 0; b < batches.size(); b++) {
        if (dropIndexEachStep) {
          for (String media : MEDIA_IDS) {
            index(h, media).clear();
          }
        }
        h.inputs(batches.get(b)).watermark(T0 + (b + 1) * 10 * SECOND);
      }
      return described(h.requests());
    }
  }

  /**
   * Batches of 10 s of inputs each, a little out of order within a batch: joins and heartbeats of
   * a few dozen viewers, some leaving, some dismissing or viewing widgets (so some decisions find
   * nothing to offer), products on screen changing every few seconds, and events of interest.
   */
  private static List<List<Object>> randomBatches(long seed, int count) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] widgetIds = {"w-bet", "w-chat", "w-food", "w-poll", "w-trivia"};
    List<List<Object>> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<Object> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        long at = b * 10 * SECOND + rnd.nextLong(10 * SECOND);
        String viewer = "v" + rnd.nextInt(40);
        ViewerEvent e;
        int kind = rnd.nextInt(10);
        if (kind < 2) {
          e = join(viewer, at, "age", Integer.toString(10 + rnd.nextInt(50)), "country", rnd.nextBoolean() ? "GB" : "US",
              "favouriteTeam", rnd.nextBoolean() ? "HOME" : "AWAY");
        } else if (kind < 3) {
          e = event(viewer, ViewerEventType.LEAVE, at);
        } else if (kind < 5) {
          e = interaction(viewer, at, widgetIds[rnd.nextInt(widgetIds.length)],
              rnd.nextBoolean() ? Interaction.DISMISS : Interaction.VIEW);
        } else {
          e = event(viewer, ViewerEventType.HEARTBEAT, at);
        }
        e.mediaId = MEDIA_IDS[rnd.nextInt(MEDIA_IDS.length)];
        batch.add(e);
      }
      for (String media : MEDIA_IDS) {
        for (int s = 0; s < 3; s++) {
          LiveUpdate u = rnd.nextInt(4) == 0
              ? screen(b * 10 * SECOND + rnd.nextLong(10 * SECOND))
              : screen(b * 10 * SECOND + rnd.nextLong(10 * SECOND), PRODUCTS[rnd.nextInt(PRODUCTS.length)]);
          u.mediaId = media;
          batch.add(u);
        }
        if (rnd.nextInt(3) == 0) {
          LiveUpdate m = match(b * 10 * SECOND + rnd.nextLong(10 * SECOND), rnd.nextInt(3), rnd.nextInt(3),
              EventOfInterestType.RED_CARD);
          m.mediaId = media;
          m.eventsOfInterest[0].mediaId = media;
          batch.add(m);
        }
      }
      batches.add(batch);
    }
    return batches;
  }

  private void assertConsistent(ViewerHarness h, String media) throws Exception {
    MapState<String, ViewerState> viewers = viewers(h, media);
    ViewerIndex index = index(h, media).value();
    Map<String, List<Long>> fromViewers = new HashMap<>();
    for (Map.Entry<String, ViewerState> e : viewers.entries()) {
      fromViewers.put(e.getKey(), List.of(
          ViewerIndex.dueAt(e.getValue(), settings.decisionIntervalMs),
          ViewerIndex.silentAt(e.getValue(), settings.viewerIdleTimeoutMs)));
    }
    Map<String, List<Long>> indexed = new HashMap<>();
    for (int i = 0; index != null && i < index.size; i++) {
      indexed.put(index.viewerIds[i], List.of(index.dueAt[i], index.silentAt[i]));
    }
    assertThat(indexed).as(media).isEqualTo(fromViewers);
    if (index != null) {
      assertThat(index.size).isEqualTo(indexed.size());
    }
  }

  private static MapState<String, ViewerState> viewers(ViewerHarness h, String media) throws Exception {
    return backend(h, media).getPartitionedState(
        VoidNamespace.INSTANCE,
        VoidNamespaceSerializer.INSTANCE,
        new MapStateDescriptor<>("viewers", Types.STRING, TypeInformation.of(ViewerState.class)));
  }

  private static ValueState<ViewerIndex> index(ViewerHarness h, String media) throws Exception {
    return backend(h, media).getPartitionedState(
        VoidNamespace.INSTANCE,
        VoidNamespaceSerializer.INSTANCE,
        new ValueStateDescriptor<>("viewer-index", TypeInformation.of(ViewerIndex.class)));
  }

  @SuppressWarnings("unchecked")
  private static KeyedStateBackend<String> backend(ViewerHarness h, String media) {
    KeyedStateBackend<String> backend =
        (KeyedStateBackend<String>)
            ((AbstractStreamOperator<?>) h.harness.getOperator()).<String>getKeyedStateBackend();
    backend.setCurrentKey(media);
    return backend;
  }

  private static List<String> described(List<DecisionRequest> requests) {
    return requests.stream()
        .map(r -> r.id + " " + String.join(",", r.widgets) + " " + String.join(",", r.offerCandidates) + " " + r.context)
        .collect(Collectors.toList());
  }
}
