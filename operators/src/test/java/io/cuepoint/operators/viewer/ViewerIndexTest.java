package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The index answers what a walk over every viewer's state would, whatever happened to them. */
class ViewerIndexTest {
  private static final long INTERVAL = 60_000L;
  private static final long IDLE = 300_000L;

  @Test
  void randomJoinsLeavesDecisionsAndSweepsAgreeWithAWalkOverTheViewers() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    Map<String, ViewerState> viewers = new HashMap<>();
    ViewerIndex index = new ViewerIndex();
    long time = 0;
    for (int step = 0; step < 20_000; step++) {
      time += rnd.nextInt(5_000);
      String id = "viewer-" + rnd.nextInt(60);
      int op = rnd.nextInt(10);
      if (op < 5) {
        ViewerState v = viewers.computeIfAbsent(id, k -> new ViewerState());
        boolean known = v.lastSeenAt != null;
        v.lastSeenAt = time;
        if (known) {
          index.put(id, ViewerIndex.dueAt(v, INTERVAL), ViewerIndex.silentAt(v, IDLE));
        } else {
          index.add(id, ViewerIndex.dueAt(v, INTERVAL), ViewerIndex.silentAt(v, IDLE));
        }
      } else if (op < 7) {
        assertThat(index.remove(id)).isEqualTo(viewers.remove(id) != null);
      } else if (op < 9) {
        decideForEveryoneDue(viewers, index, time, rnd);
      } else {
        sweep(viewers, index, time);
      }
      if (step % 1_000 == 999) {
        index = throughTheSerializer(index);
      }
      long asked = time + rnd.nextInt(120_000);
      assertThat(ids(index)).isEqualTo(viewers.keySet());
      assertThat(answers(index, asked)).isEqualTo(walk(viewers, asked));
    }
  }

  @Test
  void roomIsGivenBackWhenMostViewersHaveGone() {
    ViewerIndex index = new ViewerIndex();
    for (int i = 0; i < 1_000; i++) {
      index.add("v" + i, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    for (int i = 0; i < 995; i++) {
      assertThat(index.remove("v" + i)).isTrue();
    }
    assertThat(index.size).isEqualTo(5);
    assertThat(index.viewerIds.length).isLessThanOrEqualTo(32);
    assertThat(index.slotOf("v997")).isNotNegative();
    assertThat(index.slotOf("v3")).isEqualTo(-1);
  }

  @Test
  void aDecisionIntervalReachingPastTheEndOfTimeRateLimitsForever() {
    ViewerState v = new ViewerState();
    v.lastDecisionAt = 1_000L;
    ViewerIndex index = new ViewerIndex();
    index.add("v", ViewerIndex.dueAt(v, Long.MAX_VALUE), Long.MAX_VALUE);
    assertThat(index.rateLimited(0, Long.MAX_VALUE - 1)).isTrue();
  }

  /** As the operator does on new products: decide for the due, leave the rest. */
  private static void decideForEveryoneDue(
      Map<String, ViewerState> viewers, ViewerIndex index, long time, SplittableRandom rnd) {
    for (int i = 0; i < index.size; i++) {
      if (index.silent(i, time) || index.rateLimited(i, time)) {
        continue;
      }
      // Some decisions find nothing to offer: the viewer's last decision stays as it was.
      if (rnd.nextInt(4) > 0) {
        ViewerState v = viewers.get(index.viewerIds[i]);
        v.lastDecisionAt = time;
        index.dueAt[i] = ViewerIndex.dueAt(v, INTERVAL);
      }
    }
  }

  private static void sweep(Map<String, ViewerState> viewers, ViewerIndex index, long time) {
    for (int i = index.size - 1; i >= 0; i--) {
      if (index.silent(i, time)) {
        viewers.remove(index.viewerIds[i]);
        index.removeAt(i);
      }
    }
    viewers.values().forEach(v -> assertThat(v.lastSeenAt + IDLE).isGreaterThan(time));
  }

  private static Set<String> ids(ViewerIndex index) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < index.size; i++) {
      assertThat(ids.add(index.viewerIds[i])).as("each viewer once").isTrue();
    }
    return ids;
  }

  /** Per viewer: silent, rate-limited on new products, or due. */
  private static Map<String, String> answers(ViewerIndex index, long time) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < index.size; i++) {
      out.put(index.viewerIds[i], index.silent(i, time) ? "silent" : index.rateLimited(i, time) ? "limited" : "due");
    }
    return out;
  }

  /** The same, from the viewers' state, as the operator decided before it had the index. */
  private static Map<String, String> walk(Map<String, ViewerState> viewers, long time) {
    Map<String, String> out = new HashMap<>();
    viewers.forEach(
        (id, v) -> {
          boolean silent = v.lastSeenAt != null && v.lastSeenAt + IDLE <= time;
          boolean limited = v.lastDecisionAt != null && time - v.lastDecisionAt < INTERVAL;
          out.put(id, silent ? "silent" : limited ? "limited" : "due");
        });
    return out;
  }

  private static ViewerIndex throughTheSerializer(ViewerIndex index) throws Exception {
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    TypeSerializer<ViewerIndex> serializer =
        TypeInformation.of(ViewerIndex.class).createSerializer(config.getSerializerConfig());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(index, out);
    ViewerIndex restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    List<String> before = new ArrayList<>(Arrays.asList(index.viewerIds).subList(0, index.size));
    assertThat(Arrays.asList(restored.viewerIds).subList(0, restored.size)).isEqualTo(before);
    return restored;
  }
}
