package io.cuepoint.jobs.config;

/** A setting that cannot be used; the message is one line that names it. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
