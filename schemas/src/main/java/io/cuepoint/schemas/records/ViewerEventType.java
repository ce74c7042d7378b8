package io.cuepoint.schemas.records;

/** What a viewer did to the stream. */
public enum ViewerEventType {
  JOIN, HEARTBEAT, LEAVE, INTERACTION
}
