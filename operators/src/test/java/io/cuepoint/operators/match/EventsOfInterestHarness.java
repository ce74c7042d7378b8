package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** The operator under test, in a harness with generic (Kryo) types disabled as in the job. */
final class EventsOfInterestHarness implements AutoCloseable {
  final KeyedOneInputStreamOperatorTestHarness<String, MatchEvent, MatchUpdate> harness;

  private EventsOfInterestHarness(EventsOfInterestSettings settings, OperatorSubtaskState restored)
      throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new EventsOfInterestFunction(settings)),
            e -> e.mediaId,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restored != null) {
      harness.initializeState(restored);
    }
    harness.open();
  }

  static EventsOfInterestHarness open(EventsOfInterestSettings settings) throws Exception {
    return new EventsOfInterestHarness(settings, null);
  }

  static EventsOfInterestHarness restore(
      EventsOfInterestSettings settings, OperatorSubtaskState state) throws Exception {
    return new EventsOfInterestHarness(settings, state);
  }

  EventsOfInterestHarness send(MatchEvent... events) throws Exception {
    for (MatchEvent e : events) {
      harness.processElement(e, e.eventTime);
    }
    return this;
  }

  EventsOfInterestHarness watermark(long time) throws Exception {
    harness.processWatermark(new Watermark(time));
    return this;
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 1L);
  }

  List<MatchUpdate> updates() {
    return harness.extractOutputValues();
  }

  List<EventOfInterest> eventsOfInterest() {
    return updates().stream()
        .flatMap(u -> Arrays.stream(u.eventsOfInterest))
        .collect(Collectors.toList());
  }

  List<EventOfInterest> eventsOfInterest(EventOfInterestType type) {
    return eventsOfInterest().stream().filter(e -> e.type == type).collect(Collectors.toList());
  }

  List<DeadLetter> deadLetters() {
    return harness.getSideOutput(EventsOfInterestFunction.DEAD_LETTERS) == null
        ? List.of()
        : harness.getSideOutput(EventsOfInterestFunction.DEAD_LETTERS).stream()
            .map(StreamRecord::getValue)
            .collect(Collectors.toList());
  }

  // Not "throws Exception": a close that may throw InterruptedException trips -Xlint:try.
  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the harness failed", e);
    }
  }
}
