package io.cuepoint.schemas;

import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ShoppableSpan;
import io.cuepoint.schemas.records.ViewerAction;
import io.cuepoint.schemas.records.ViewerEvent;
import java.util.Optional;

/**
 * The streams of the record contract. The id is the Kinesis stream's role, the recording's file
 * name ({@code <id>.jsonl}) and the JSON Schema's file name ({@code schemas/<id>.schema.json}).
 */
public enum StreamName {
  SEGMENTS("segments", Segment.class, true),
  DETECTIONS("detections", Detection.class, true),
  MATCH_EVENTS("match-events", MatchEvent.class, true),
  VIEWER_EVENTS("viewer-events", ViewerEvent.class, true),
  MEDIA_CONTEXT("media-context", MediaContext.class, false),
  EVENTS_OF_INTEREST("events-of-interest", EventOfInterest.class, false),
  OVERLAYS("overlays", Overlay.class, false),
  VIEWER_ACTIONS("viewer-actions", ViewerAction.class, false),
  SHOPPABLE("shoppable", ShoppableSpan.class, false),
  DEAD_LETTERS("dead-letters", DeadLetter.class, false);

  private final String id;
  private final Class<?> recordType;
  private final boolean input;

  StreamName(String id, Class<?> recordType, boolean input) {
    this.id = id;
    this.recordType = recordType;
    this.input = input;
  }

  public String id() {
    return id;
  }

  public Class<?> recordType() {
    return recordType;
  }

  public boolean isInput() {
    return input;
  }

  public String fileName() {
    return id + ".jsonl";
  }

  public String schemaResource() {
    return "schemas/" + id + ".schema.json";
  }

  public static Optional<StreamName> fromId(String id) {
    for (StreamName s : values()) {
      if (s.id.equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
