package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.StringMap;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Builds events of interest with ids that stay the same on every replay. */
final class EventsOfInterest {
  private EventsOfInterest() {}

  static EventOfInterest raise(
      EventOfInterestType type, MatchEvent trigger, String[] evidence, StringMap attributes) {
    EventOfInterest e = new EventOfInterest();
    e.id = trigger.mediaId + ":" + type + ":" + trigger.eventId;
    e.mediaId = trigger.mediaId;
    e.type = type;
    e.eventTime = trigger.eventTime;
    e.matchMinute = trigger.matchMinute;
    e.evidence = evidence;
    e.attributes = attributes;
    return e;
  }

  /** An attribute value with at most two decimals and no trailing zeros ("10", "2.5"). */
  static String decimal(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
