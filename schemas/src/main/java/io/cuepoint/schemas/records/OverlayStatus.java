package io.cuepoint.schemas.records;

/** Outcome of an overlay's PutMetadata call. */
public enum OverlayStatus {
  SENT, DRY_RUN, THROTTLED, NOT_BROADCASTING, FAILED
}
