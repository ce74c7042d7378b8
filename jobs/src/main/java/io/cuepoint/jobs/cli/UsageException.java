package io.cuepoint.jobs.cli;

/** A wrong command line; the message is one line saying what is wrong. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
