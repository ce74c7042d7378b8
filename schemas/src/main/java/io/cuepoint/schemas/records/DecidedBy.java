package io.cuepoint.schemas.records;

/** Which ranker made a viewer decision. */
public enum DecidedBy {
  PERSONALIZE, LOCAL
}
