package io.cuepoint.connectors.vectors;

/** OpenSearch answered a request with an error status. */
public class OpenSearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY = 500;

  private final int status;

  public OpenSearchException(String request, int status, String body) {
    super(
        request
            + " answered "
            + status
            + ": "
            + (body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…" : body));
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Worth another attempt: throttled, or the server failed. */
  public boolean retryable() {
    return status == 429 || status >= 500;
  }
}
