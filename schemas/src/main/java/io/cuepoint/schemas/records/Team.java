package io.cuepoint.schemas.records;

/** Side of a match. */
public enum Team {
  HOME, AWAY
}
