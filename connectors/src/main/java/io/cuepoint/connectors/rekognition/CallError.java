package io.cuepoint.connectors.rekognition;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.rekognition.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.rekognition.model.ThrottlingException;

/** What a failed Rekognition call means: try again later, or never. */
enum CallError {
  /** ThrottlingException, ProvisionedThroughputExceededException, 429: retried within the budget. */
  THROTTLED(true),
  /** No answer in time: retried within the budget. */
  TIMEOUT(true),
  /** 5xx, or no connection: retried within the budget. */
  TRANSIENT(true),
  /**
   * Any other 4xx (InvalidImageFormatException, ImageTooLargeException, AccessDeniedException,
   * ResourceNotReadyException, ...): the same request would fail again.
   */
  REJECTED(false);

  final boolean retryable;

  CallError(boolean retryable) {
    this.retryable = retryable;
  }

  static CallError of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ThrottlingException || e instanceof ProvisionedThroughputExceededException) {
      return THROTTLED;
    }
    if (e instanceof SdkServiceException) {
      SdkServiceException s = (SdkServiceException) e;
      if (s.isThrottlingException() || s.statusCode() == 429) {
        return THROTTLED;
      }
      return s.statusCode() >= 500 ? TRANSIENT : REJECTED;
    }
    if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
      return TIMEOUT;
    }
    if (e instanceof SdkClientException) {
      return TRANSIENT;
    }
    // Not the service's answer (a bug in reading it): retrying would not change it.
    return REJECTED;
  }

  /** One line: the error code, HTTP status and message. */
  static String describe(Throwable error) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
    if (e instanceof SdkServiceException) {
      String code = e.getClass().getSimpleName();
      if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
        code = ((AwsServiceException) e).awsErrorDetails().errorCode();
        message = ((AwsServiceException) e).awsErrorDetails().errorMessage();
      }
      return code
          + " ("
          + ((SdkServiceException) e).statusCode()
          + ")"
          + (message == null || message.isEmpty() ? "" : ": " + message);
    }
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
