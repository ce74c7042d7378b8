package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.MatchEvent;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The event ids a media has accepted, to drop Kinesis redeliveries. An id is forgotten once its
 * event is so far behind the watermark that a redelivery would be rejected as late anyway.
 */
final class SeenEventIds implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long retentionMs;

  /** Event id to its event time. */
  private transient MapState<String, Long> eventTimes;

  private transient ValueState<Long> prunedAt;

  SeenEventIds(long retentionMs) {
    this.retentionMs = retentionMs;
  }

  void open(RuntimeContext context) {
    eventTimes =
        context.getMapState(new MapStateDescriptor<>("seenEventIds", Types.STRING, Types.LONG));
    prunedAt = context.getState(new ValueStateDescriptor<>("seenEventIdsPrunedAt", Types.LONG));
  }

  boolean contains(MatchEvent event) throws Exception {
    return eventTimes.contains(event.eventId);
  }

  void add(MatchEvent event) throws Exception {
    eventTimes.put(event.eventId, event.eventTime);
  }

  /** Forgets ids older than the retention before {@code now}; scans once per retention period. */
  void prune(long now) throws Exception {
    Long last = prunedAt.value();
    if (last != null && now - last < retentionMs) {
      return;
    }
    if (last != null) {
      Iterator<Map.Entry<String, Long>> entries = eventTimes.iterator();
      while (entries.hasNext()) {
        if (entries.next().getValue() < now - retentionMs) {
          entries.remove();
        }
      }
    }
    prunedAt.update(now);
  }

  void clear() {
    eventTimes.clear();
    prunedAt.clear();
  }
}
