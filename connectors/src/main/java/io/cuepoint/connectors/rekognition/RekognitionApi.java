package io.cuepoint.connectors.rekognition;

/** The Rekognition image operations the detector can call on a frame. */
public enum RekognitionApi {
  DETECT_LABELS("DetectLabels", "labels"),
  RECOGNIZE_CELEBRITIES("RecognizeCelebrities", "celebrities"),
  DETECT_CUSTOM_LABELS("DetectCustomLabels", "customLabels");

  /** The operation's name, as in X-Amz-Target, metrics and a detection's source. */
  public final String operation;
  /** Short name for settings and metrics. */
  public final String shortName;

  RekognitionApi(String operation, String shortName) {
    this.operation = operation;
    this.shortName = shortName;
  }
}
