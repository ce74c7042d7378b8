package io.cuepoint.connectors.ivs;

import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.ThrottlingException;

/** What a failed PutMetadata call means for the decision. */
enum CallFailure {
  /** The channel is not live: nobody would see the metadata. Final. */
  NOT_BROADCASTING(false),
  /** 429: retried within the budget. */
  THROTTLED(true),
  /** 5xx, or no answer (connection, timeout): retried within the budget. */
  TRANSIENT(true),
  /** Any other 4xx (bad request, access denied, unknown channel): retrying would not help. */
  REJECTED(false);

  final boolean retryable;

  CallFailure(boolean retryable) {
    this.retryable = retryable;
  }

  static CallFailure of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ChannelNotBroadcastingException) {
      return NOT_BROADCASTING;
    }
    if (e instanceof ThrottlingException) {
      return THROTTLED;
    }
    if (e instanceof SdkServiceException) {
      SdkServiceException s = (SdkServiceException) e;
      if (s.isThrottlingException() || s.statusCode() == 429) {
        return THROTTLED;
      }
      return s.statusCode() >= 500 ? TRANSIENT : REJECTED;
    }
    // SdkClientException (no connection, timeout) and anything unexpected: try again.
    return TRANSIENT;
  }

  /** One line: the error's kind, HTTP status and message. */
  static String describe(Throwable error) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
    if (e instanceof SdkServiceException) {
      SdkServiceException s = (SdkServiceException) e;
      String code = e.getClass().getSimpleName();
      if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
        code = ((AwsServiceException) e).awsErrorDetails().errorCode();
        message = ((AwsServiceException) e).awsErrorDetails().errorMessage();
      }
      return code + " (" + s.statusCode() + ")" + (message == null || message.isEmpty() ? "" : ": " + message);
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
