package io.cuepoint.connectors.fetch;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Which failures of a fetch are worth retrying. */
public final class FetchFailures {
  private FetchFailures() {}

  /** The failure inside the wrappers that futures put around it. */
  public static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * True for timeouts, connection and I/O errors and 408/429/5xx answers; false for refusals
   * ({@link FetchRefusedException}) and anything else.
   */
  public static boolean retryable(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof FetchRefusedException) {
      return false;
    }
    return t instanceof IOException || t instanceof TimeoutException;
  }
}
