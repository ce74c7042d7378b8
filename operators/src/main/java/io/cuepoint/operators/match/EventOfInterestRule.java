package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchSnapshot;
import java.io.Serializable;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Decides for one type of event of interest whether a match event raises it. Called for each
 * media's events in event-time order, with the media as the current key.
 */
interface EventOfInterestRule extends Serializable {

  EventOfInterestType type();

  /** Creates the rule's keyed state. */
  void open(RuntimeContext context);

  /**
   * The event of interest raised by {@code event}, or null; {@code after} is the state after it.
   */
  EventOfInterest onEvent(MatchEvent event, MatchSnapshot after) throws Exception;

  /** Drops the current media's state. */
  void clear();
}
