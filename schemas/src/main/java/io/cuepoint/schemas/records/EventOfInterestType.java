package io.cuepoint.schemas.records;

/** Moments in a match that are worth reacting to. */
public enum EventOfInterestType {
  GOAL_FLURRY, CLOSE_FINISH, RED_CARD, SOCIAL_SURGE
}
