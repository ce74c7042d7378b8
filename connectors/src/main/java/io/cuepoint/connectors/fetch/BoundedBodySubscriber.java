package io.cuepoint.connectors.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into bytes, a chunk at a time, and gives up (cancelling the stream, so
 * the connection is dropped) as soon as it grows past the limit or {@link #abort} is called. A
 * chunked body announces no length, so it can only be bounded while it streams in.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final long maxBytes;
  private final String url;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;

  BoundedBodySubscriber(long maxBytes, String url) {
    this.maxBytes = maxBytes;
    this.url = url;
  }

  /** Ends the body with this failure and stops reading it. */
  void abort(Throwable failure) {
    if (body.completeExceptionally(failure)) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (body.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) bytes.size() + n > maxBytes) {
        abort(new FetchRefusedException("the body of " + url + " is larger than " + maxBytes + " bytes"));
        return;
      }
      byte[] chunk = new byte[n];
      item.get(chunk);
      bytes.write(chunk, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
