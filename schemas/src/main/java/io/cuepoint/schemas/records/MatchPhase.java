package io.cuepoint.schemas.records;

/** Where a match stands, derived from KICK_OFF, HALF_TIME and FULL_TIME events. */
public enum MatchPhase {
  PRE_MATCH, FIRST_HALF, HALF_TIME, SECOND_HALF, FULL_TIME
}
