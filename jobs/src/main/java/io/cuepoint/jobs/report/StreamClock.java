package io.cuepoint.jobs.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the event time of one media's records into stream position. Records that carry both
 * (segments, media-context windows) vote for the offset between them and the most common offset
 * wins. A media with no such record is placed from its earliest event time instead, and the
 * report says so.
 */
final class StreamClock {
  /** Distinct offsets remembered: a live stream has one, a recording with a clock jump a few. */
  static final int MAX_OFFSETS = 1_000;

  /** Where the offset came from. */
  enum Source {
    SEGMENTS_AND_WINDOWS,
    EARLIEST_EVENT
  }

  private final Map<Long, Long> votes = new HashMap<>();
  private long earliestEvent = Long.MAX_VALUE;

  void observe(long eventTime, long positionMs) {
    long offset = eventTime - positionMs;
    if (votes.containsKey(offset) || votes.size() < MAX_OFFSETS) {
      votes.merge(offset, 1L, Long::sum);
    }
  }

  void observeEventOnly(long eventTime) {
    earliestEvent = Math.min(earliestEvent, eventTime);
  }

  Source source() {
    return votes.isEmpty() ? Source.EARLIEST_EVENT : Source.SEGMENTS_AND_WINDOWS;
  }

  /** Event time at position 0. */
  long offset() {
    if (votes.isEmpty()) {
      return earliestEvent == Long.MAX_VALUE ? 0 : earliestEvent;
    }
    long best = 0;
    long bestVotes = -1;
    for (Map.Entry<Long, Long> e : votes.entrySet()) {
      boolean more = e.getValue() > bestVotes;
      boolean tieEarlier = e.getValue() == bestVotes && e.getKey() < best;
      if (more || tieEarlier) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    return best;
  }

  long positionOf(long eventTime) {
    return Math.max(0, eventTime - offset());
  }
}
