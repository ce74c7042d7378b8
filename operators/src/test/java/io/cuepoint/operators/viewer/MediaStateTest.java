package io.cuepoint.operators.viewer;

import static io.cuepoint.operators.viewer.ViewerHarness.T0;
import static io.cuepoint.operators.viewer.ViewerHarness.event;
import static io.cuepoint.operators.viewer.ViewerHarness.match;
import static io.cuepoint.operators.viewer.ViewerHarness.screen;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MediaStateTest {
  @Test
  void viewerEventsComeOutByTimeThenContentThenArrival() {
    List<ViewerEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ViewerEvent e = event("v" + (i % 7), i % 2 == 0 ? ViewerEventType.HEARTBEAT : ViewerEventType.JOIN, 1_000L * (i % 3));
      e.positionMs = 5L;
      // Not part of the order: events alike in all else must stay in their order of arrival.
      e.profile = StringMap.of("arrival", Integer.toString(i));
      events.add(e);
    }
    Collections.shuffle(events, new Random(3));
    MediaState m = new MediaState();
    for (ViewerEvent e : events) {
      m.add(e);
    }

    List<ViewerEvent> expected = new ArrayList<>(events);
    // A stable sort of the order of arrival.
    expected.sort(Comparator.comparing((ViewerEvent e) -> e.eventTime).thenComparing(MediaState.SAME_TIME_ORDER));
    List<ViewerEvent> taken = new ArrayList<>();
    while (!m.nothingDue()) {
      taken.addAll(List.of(m.takeViewerEvents(m.nextDue())));
    }
    assertThat(taken).containsExactlyElementsOf(expected);
  }

  @Test
  void liveUpdatesOfOneMillisecondComeMatchFirstThenInArrivalOrder() {
    LiveUpdate screenA = screen(2_000, "a");
    LiveUpdate screenB = screen(2_000, "b");
    LiveUpdate matchA = match(2_000, 1, 0);
    LiveUpdate earlier = screen(1_000, "c");
    MediaState m = new MediaState();
    for (LiveUpdate u : List.of(screenA, matchA, screenB, earlier)) {
      m.add(u);
    }

    assertThat(m.nextDue()).isEqualTo(T0 + 1_000);
    assertThat(m.takeLiveUpdates(T0 + 1_000)).containsExactly(earlier);
    assertThat(m.takeLiveUpdates(T0 + 2_000)).containsExactly(matchA, screenA, screenB);
    assertThat(m.nothingDue()).isTrue();
  }

  @Test
  void theNextDueIsTheEarliestOfInputsAndSweeps() {
    SplittableRandom random = new SplittableRandom(11);
    MediaState m = new MediaState();
    assertThat(m.nextDue()).isEqualTo(Long.MAX_VALUE);
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < 30; i++) {
      long offset = random.nextLong(100_000);
      switch (i % 3) {
        case 0:
          m.add(event("v" + i, ViewerEventType.HEARTBEAT, offset));
          break;
        case 1:
          m.add(screen(offset, "p"));
          break;
        default:
          m.sweepBy(T0 + offset);
          m.sweepBy(T0 + offset);
      }
      earliest = Math.min(earliest, T0 + offset);
      assertThat(m.nextDue()).isEqualTo(earliest);
    }
    assertThat(m.sweeps).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aSweepIsAddedOnlyBeforeEveryPendingOne() {
    MediaState m = new MediaState();
    m.sweepBy(T0 + 60_000);
    m.sweepBy(T0 + 90_000);
    assertThat(m.sweeps).containsExactly(T0 + 60_000);
    m.sweepBy(T0 + 30_000);
    assertThat(m.sweeps).containsExactly(T0 + 30_000, T0 + 60_000);
    assertThat(m.nextDue()).isEqualTo(T0 + 30_000);
    m.takeSweep(T0 + 30_000);
    assertThat(m.nextDue()).isEqualTo(T0 + 60_000);
  }

  @Test
  void liveUpdatesArrivingInOrderKeepItAndOneOutOfOrderGoesInItsPlace() {
    MediaState m = new MediaState();
    LiveUpdate first = screen(1_000, "a");
    LiveUpdate second = screen(2_000, "b");
    LiveUpdate late = screen(1_500, "c");
    LiveUpdate sameTime = screen(2_000, "d");
    for (LiveUpdate u : List.of(first, second, late, sameTime)) {
      m.add(u);
    }
    assertThat(m.liveUpdates).containsExactly(first, late, second, sameTime);
  }
}
