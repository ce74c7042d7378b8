package io.cuepoint.connectors.rekognition;

/** An API gave up on a frame; the message names the API and says why, in one line. */
final class DetectionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DetectionFailure(String message) {
    super(message, null, false, false);
  }
}
