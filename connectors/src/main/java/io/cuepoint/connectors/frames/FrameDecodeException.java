package io.cuepoint.connectors.frames;

/** A segment whose bytes cannot be decoded into frames; the caller makes it a dead letter. */
public class FrameDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public FrameDecodeException(String message) {
    super(message);
  }

  public FrameDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
