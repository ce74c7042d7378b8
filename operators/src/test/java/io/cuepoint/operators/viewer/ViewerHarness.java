package io.cuepoint.operators.viewer;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The viewer-context operator in a harness, with the sample's catalogs, as in the job. */
final class ViewerHarness implements AutoCloseable {
  static final String MEDIA = "final-2026";
  static final long T0 = 1_780_167_600_000L;

  final KeyedTwoInputStreamOperatorTestHarness<String, ViewerEvent, LiveUpdate, DecisionRequest>
      harness;

  ViewerHarness(ViewerSettings settings) throws Exception {
    this(settings, widgets(), products());
  }

  ViewerHarness(ViewerSettings settings, WidgetCatalog widgets, ProductCatalog products) throws Exception {
    this(settings, widgets, products, null);
  }

  /** An operator restored from a snapshot of another. */
  ViewerHarness(ViewerSettings settings, OperatorSubtaskState restored) throws Exception {
    this(settings, widgets(), products(), restored);
  }

  private ViewerHarness(
      ViewerSettings settings, WidgetCatalog widgets, ProductCatalog products, OperatorSubtaskState restored)
      throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new ViewerContextFunction(
                    settings,
                    widgets,
                    products,
                    new ContextMapBuilder(Map.of(MEDIA, Map.of("MATCH_TYPE", "FINAL"))))),
            e -> e.mediaId,
            u -> u.mediaId,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restored != null) {
      harness.initializeState(restored);
    }
    harness.open();
  }

  static WidgetCatalog widgets() throws IOException {
    return WidgetCatalog.parse(Files.readString(Path.of("..", "samples", "soccer-final", "widgets.json")));
  }

  static ProductCatalog products() throws IOException {
    return ProductCatalog.parse(Files.readString(Path.of("..", "samples", "soccer-final", "products.json")));
  }

  ViewerHarness viewer(ViewerEvent... events) throws Exception {
    for (ViewerEvent e : events) {
      harness.processElement1(e, e.eventTime);
    }
    return this;
  }

  /** Viewer events and live updates, in the order given. */
  ViewerHarness inputs(List<Object> inputs) throws Exception {
    for (Object o : inputs) {
      if (o instanceof ViewerEvent) {
        viewer((ViewerEvent) o);
      } else {
        live((LiveUpdate) o);
      }
    }
    return this;
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 0L);
  }

  ViewerHarness live(LiveUpdate... updates) throws Exception {
    for (LiveUpdate u : updates) {
      harness.processElement2(u, u.eventTime);
    }
    return this;
  }

  ViewerHarness watermark(long time) throws Exception {
    harness.processBothWatermarks(new Watermark(time));
    return this;
  }

  List<DecisionRequest> requests() {
    return harness.extractOutputValues();
  }

  List<DecisionRequest> requestsFor(String viewerId) {
    return requests().stream().filter(r -> r.viewerId.equals(viewerId)).collect(Collectors.toList());
  }

  List<DeadLetter> deadLetters() {
    return values(harness.getSideOutput(DeadLetterTag.DEAD_LETTERS));
  }

  List<ViewerFeedback> feedback() {
    return values(harness.getSideOutput(ViewerContextFunction.FEEDBACK));
  }

  private static <T> List<T> values(ConcurrentLinkedQueue<StreamRecord<T>> records) {
    return records == null
        ? List.of()
        : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  static ViewerEvent join(String viewerId, long offsetMs, String... profile) {
    ViewerEvent e = event(viewerId, ViewerEventType.JOIN, offsetMs);
    e.profile = StringMap.of(profile);
    return e;
  }

  static ViewerEvent event(String viewerId, ViewerEventType type, long offsetMs) {
    ViewerEvent e = new ViewerEvent();
    e.viewerId = viewerId;
    e.mediaId = MEDIA;
    e.type = type;
    e.eventTime = T0 + offsetMs;
    e.positionMs = offsetMs;
    return e;
  }

  static ViewerEvent interaction(String viewerId, long offsetMs, String itemId, Interaction what) {
    ViewerEvent e = event(viewerId, ViewerEventType.INTERACTION, offsetMs);
    e.itemId = itemId;
    e.interaction = what;
    return e;
  }

  static LiveUpdate match(long offsetMs, int home, int away, EventOfInterestType... raised) {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = MEDIA;
    u.eventTime = T0 + offsetMs;
    MatchSnapshot s = new MatchSnapshot();
    s.minute = (int) (offsetMs / 60_000);
    s.home = home;
    s.away = away;
    s.phase = MatchPhase.SECOND_HALF;
    s.lastEvent = MatchEventType.GOAL;
    u.match = s;
    u.eventsOfInterest = new EventOfInterest[raised.length];
    for (int i = 0; i < raised.length; i++) {
      EventOfInterest e = new EventOfInterest();
      e.id = MEDIA + ":" + raised[i] + ":" + offsetMs;
      e.mediaId = MEDIA;
      e.type = raised[i];
      e.eventTime = T0 + offsetMs;
      e.evidence = new String[] {"ev-" + offsetMs};
      e.attributes = new StringMap();
      u.eventsOfInterest[i] = e;
    }
    return u;
  }

  static LiveUpdate screen(long offsetMs, String... products) {
    LiveUpdate u = new LiveUpdate();
    u.mediaId = MEDIA;
    u.eventTime = T0 + offsetMs;
    u.products = products.clone();
    java.util.Arrays.sort(u.products);
    u.labels = new String[] {"Soccer", "Crowd"};
    return u;
  }

  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the harness failed", e);
    }
  }
}
