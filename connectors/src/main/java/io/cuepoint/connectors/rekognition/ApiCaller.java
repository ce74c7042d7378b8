package io.cuepoint.connectors.rekognition;

import io.cuepoint.connectors.retry.Backoff;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Calls one API for a frame through its {@link RateGate}: every attempt, retries included, takes a
 * token. Throttling, 5xx and timeouts are retried after an exponential backoff with full jitter,
 * while the retry budget (from the frame's first attempt) has time left; a rejected request is not
 * retried. No thread waits: a retry is scheduled on the timer, then queued for its token.
 */
final class ApiCaller {
  private final RekognitionApi api;
  private final RateGate gate;
  private final Backoff backoff;
  private final ScheduledExecutorService timer;
  private final ApiMetrics metrics;
  private final long retryBudgetNanos;
  private final LongSupplier nanoClock;

  ApiCaller(
      RekognitionApi api,
      RateGate gate,
      Backoff backoff,
      ScheduledExecutorService timer,
      ApiMetrics metrics,
      long retryBudgetMs,
      LongSupplier nanoClock) {
    this.api = api;
    this.gate = gate;
    this.backoff = backoff;
    this.timer = timer;
    this.metrics = metrics;
    this.retryBudgetNanos = retryBudgetMs * 1_000_000L;
    this.nanoClock = nanoClock;
  }

  /**
   * @param attempt sends one request
   * @param abandoned true once nobody waits for the answer (the frame timed out)
   * @return the answer, or a {@link DetectionFailure} naming the API and the last error
   */
  <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt, BooleanSupplier abandoned) {
    Attempts<T> attempts = new Attempts<>(attempt, abandoned);
    gate.submit(attempts);
    return attempts.result;
  }

  private final class Attempts<T> implements RateGate.Call {
    private final Supplier<CompletableFuture<T>> attempt;
    private final BooleanSupplier abandoned;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private long firstNanos;
    private int made;

    Attempts(Supplier<CompletableFuture<T>> attempt, BooleanSupplier abandoned) {
      this.attempt = attempt;
      this.abandoned = abandoned;
    }

    @Override
    public boolean abandoned() {
      return abandoned.getAsBoolean() || result.isDone();
    }

    @Override
    public void refuse(String reason) {
      result.completeExceptionally(new DetectionFailure(api.operation + ": not sent, " + reason));
    }

    @Override
    public void send() {
      long started = nanoClock.getAsLong();
      if (made == 0) {
        firstNanos = started;
      }
      made++;
      metrics.calls.inc();
      CompletableFuture<T> call;
      try {
        call = attempt.get();
      } catch (RuntimeException e) {
        call = CompletableFuture.failedFuture(e);
      }
      call.whenComplete(
          (answer, error) -> {
            metrics.latency(nanoClock.getAsLong() - started);
            if (error == null) {
              metrics.imagesAnalysed.inc();
              result.complete(answer);
            } else {
              failed(error);
            }
          });
    }

    private void failed(Throwable error) {
      CallError kind = CallError.of(error);
      if (kind == CallError.THROTTLED) {
        metrics.throttles.inc();
      } else if (kind == CallError.TIMEOUT) {
        metrics.timeouts.inc();
      }
      long delayMs = backoff.delayMs(made);
      long elapsedAtRetry = nanoClock.getAsLong() + delayMs * 1_000_000L - firstNanos;
      if (kind.retryable && elapsedAtRetry < retryBudgetNanos && !abandoned()) {
        metrics.retries.inc();
        try {
          timer.schedule(() -> gate.submit(this), delayMs, TimeUnit.MILLISECONDS);
          return;
        } catch (RejectedExecutionException closing) {
          // The function is closing: give up below.
        }
      }
      metrics.failures.inc();
      String why = api.operation + ": " + CallError.describe(error);
      if (kind.retryable) {
        why +=
            "; gave up after "
                + made
                + (made == 1 ? " attempt" : " attempts")
                + " in "
                + (nanoClock.getAsLong() - firstNanos) / 1_000_000L
                + " ms";
      }
      result.completeExceptionally(new DetectionFailure(why));
    }
  }
}
