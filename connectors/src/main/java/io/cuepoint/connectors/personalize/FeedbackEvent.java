package io.cuepoint.connectors.personalize;

import java.io.Serializable;

/** One interaction waiting to be sent to the event tracker. */
final class FeedbackEvent implements Serializable {
  private static final long serialVersionUID = 1L;

  final String userId;
  final String sessionId;
  final String eventId;
  final String eventType;
  final String itemId;
  final long sentAtMs;
  /** The context, as the JSON object of camelCase keys Personalize reads. */
  final String properties;
  /** Sends tried so far: an event that keeps failing is given up, never retried forever. */
  final int attempts;

  FeedbackEvent(
      String userId,
      String sessionId,
      String eventId,
      String eventType,
      String itemId,
      long sentAtMs,
      String properties,
      int attempts) {
    this.userId = userId;
    this.sessionId = sessionId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.itemId = itemId;
    this.sentAtMs = sentAtMs;
    this.properties = properties;
    this.attempts = attempts;
  }

  FeedbackEvent retried() {
    return new FeedbackEvent(userId, sessionId, eventId, eventType, itemId, sentAtMs, properties, attempts + 1);
  }

  long sizeInBytes() {
    return 64L
        + userId.length()
        + sessionId.length()
        + eventId.length()
        + eventType.length()
        + itemId.length()
        + properties.length();
  }
}
