package io.cuepoint.schemas.records;

/** Kinds of events in the match or show feed. */
public enum MatchEventType {
  KICK_OFF, GOAL, YELLOW_CARD, RED_CARD, INJURY, SUBSTITUTION, HALF_TIME, FULL_TIME, SOCIAL_POST
}
