package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.records.Detection;

/** The detections found in one analysed frame so far (one per detector that reported). */
public class AnalysedDetections {
  public long eventTime;
  public Detection[] detections = new Detection[0];

  public AnalysedDetections() {}
}
