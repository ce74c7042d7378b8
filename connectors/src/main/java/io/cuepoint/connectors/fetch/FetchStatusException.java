package io.cuepoint.connectors.fetch;

import java.io.IOException;

/** The server answered 408, 429 or 5xx: a passing condition, worth another try later. */
public final class FetchStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public FetchStatusException(String url, int status) {
    super("HTTP " + status + " from " + url);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return true;
  }
}
