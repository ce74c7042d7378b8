package io.cuepoint.schemas.records;

/**
 * Outcome of an overlay's PutMetadata call. {@code SUPERSEDED}: a newer decision for the same
 * channel replaced this one before it could be sent (rate limits), so it was never sent.
 */
public enum OverlayStatus {
  SENT, DRY_RUN, THROTTLED, NOT_BROADCASTING, FAILED, SUPERSEDED
}
