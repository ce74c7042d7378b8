package io.cuepoint.connectors.retry;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs asynchronous calls at a bounded rate and retries the ones that fail for a passing reason
 * (throttling, server errors, timeouts) after an exponential backoff with full jitter, as long as
 * the retry budget has time left. No thread ever waits: a call that must wait for its token or its
 * backoff is scheduled on the timer.
 */
public final class RetryingCaller {
  /** Tells which failures are worth another attempt, and which of them are throttling. */
  public interface Classifier {
    boolean retryable(Throwable failure);

    boolean throttling(Throwable failure);
  }

  private final TokenBucket bucket;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;
  private final long budgetNanos;
  private final Classifier classifier;
  private final CallListener listener;

  public RetryingCaller(
      TokenBucket bucket,
      ScheduledExecutorService timer,
      RetryPolicy policy,
      Classifier classifier,
      CallListener listener) {
    this.bucket = bucket;
    this.timer = timer;
    this.backoff = new Backoff(policy.initialBackoffMs, Math.max(1L, policy.budgetMs), new Random());
    this.budgetNanos = policy.budgetMs * 1_000_000L;
    this.classifier = classifier;
    this.listener = listener;
  }

  /** Calls {@code attempt} (once per attempt) until it succeeds, fails for good or runs out of budget. */
  public <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt) {
    CompletableFuture<T> result = new CompletableFuture<>();
    long first = System.nanoTime();
    long wait = bucket.reserve(first);
    if (wait > budgetNanos) {
      listener.failed();
      result.completeExceptionally(
          new RateLimitedException("no call slot within the retry budget (rate limit reached)"));
      return result;
    }
    schedule(() -> attempt(attempt, 1, first, result), wait, result);
    return result;
  }

  private <T> void attempt(
      Supplier<CompletableFuture<T>> attempt, int number, long firstNanos, CompletableFuture<T> result) {
    long started = System.nanoTime();
    listener.attempt();
    CompletableFuture<T> call;
    try {
      call = attempt.get();
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (value, error) -> {
          listener.latencyNanos(System.nanoTime() - started);
          if (error == null) {
            result.complete(value);
            return;
          }
          Throwable cause = unwrap(error);
          if (classifier.throttling(cause)) {
            listener.throttled();
          }
          if (!classifier.retryable(cause)) {
            listener.failed();
            result.completeExceptionally(cause);
            return;
          }
          long now = System.nanoTime();
          long delay = Math.max(backoff.delayMs(number) * 1_000_000L, bucket.reserve(now));
          if (now + delay - firstNanos > budgetNanos) {
            listener.failed();
            result.completeExceptionally(cause);
            return;
          }
          listener.retried();
          schedule(() -> attempt(attempt, number + 1, firstNanos, result), delay, result);
        });
  }

  private void schedule(Runnable task, long delayNanos, CompletableFuture<?> result) {
    try {
      if (delayNanos <= 0) {
        task.run();
      } else {
        timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      listener.failed();
      result.completeExceptionally(e);
    }
  }

  /** The failure inside the wrappers that futures put around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
