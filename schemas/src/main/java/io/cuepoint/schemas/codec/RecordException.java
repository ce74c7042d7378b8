package io.cuepoint.schemas.codec;

/**
 * A record that cannot be used: not JSON, the wrong shape, or out of range. The message is the
 * dead letter's reason, so it is short and names the field. Thrown per bad record, so it carries
 * no stack trace.
 */
public class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordException(String reason) {
    super(reason, null, false, false);
  }
}
