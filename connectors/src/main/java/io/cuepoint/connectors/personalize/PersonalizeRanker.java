package io.cuepoint.connectors.personalize;

import io.cuepoint.schemas.records.StringMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeAsyncClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * GetPersonalizedRanking with context, without blocking: throttling, server errors and timeouts
 * are retried after an exponential backoff with full jitter, as long as the retry budget has time
 * left and the call budget a token; then the call fails and the caller falls back. Every attempt
 * takes one of the {@link CallSlots} while it is in flight; an attempt that cannot start within
 * {@code startWithinMs} of the first is not made, as its decision has fallen back by then.
 */
final class PersonalizeRanker {
  static final long FIRST_BACKOFF_MS = 25;

  private final PersonalizeRuntimeAsyncClient client;
  private final ScheduledExecutorService timer;
  private final CallBudget budget;
  private final CallSlots slots;
  private final CallMetrics metrics;
  private final long retryBudgetNanos;
  private final long startWithinNanos;

  PersonalizeRanker(
      PersonalizeRuntimeAsyncClient client,
      ScheduledExecutorService timer,
      CallBudget budget,
      CallSlots slots,
      CallMetrics metrics,
      long retryBudgetMs,
      long startWithinMs) {
    this.client = client;
    this.timer = timer;
    this.budget = budget;
    this.slots = slots;
    this.metrics = metrics;
    this.retryBudgetNanos = retryBudgetMs * 1_000_000L;
    this.startWithinNanos = startWithinMs * 1_000_000L;
  }

  /** Item ids to scores, best first, as Personalize returned them. */
  CompletableFuture<LinkedHashMap<String, Double>> rank(
      String campaignArn, String userId, String[] items, StringMap context) {
    GetPersonalizedRankingRequest request =
        GetPersonalizedRankingRequest.builder()
            .campaignArn(campaignArn)
            .userId(userId)
            .inputList(Arrays.asList(items))
            .context(context.toMap())
            .build();
    CompletableFuture<LinkedHashMap<String, Double>> result = new CompletableFuture<>();
    long firstNanos = System.nanoTime();
    startWhenFree(request, 1, firstNanos, result);
    return result;
  }

  /** The attempt in a free call slot, or given up if none is free before its decision falls back. */
  private void startWhenFree(
      GetPersonalizedRankingRequest request,
      int attempt,
      long firstNanos,
      CompletableFuture<LinkedHashMap<String, Double>> result) {
    slots.start(
        () -> attempt(request, attempt, firstNanos, result),
        () -> {
          metrics.expiredWaiting.inc();
          result.completeExceptionally(
              new TimeoutException("no call slot within " + startWithinNanos / 1_000_000L + " ms"));
        },
        firstNanos + startWithinNanos);
  }

  private void attempt(
      GetPersonalizedRankingRequest request,
      int attempt,
      long firstNanos,
      CompletableFuture<LinkedHashMap<String, Double>> result) {
    long started = System.nanoTime();
    metrics.calls.inc();
    CompletableFuture<LinkedHashMap<String, Double>> call;
    try {
      call = client.getPersonalizedRanking(request).thenApply(r -> scores(r.personalizedRanking()));
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (scores, error) -> {
          try {
            ended(request, attempt, firstNanos, started, scores, error, result);
          } finally {
            slots.release();
          }
        });
  }

  private void ended(
      GetPersonalizedRankingRequest request,
      int attempt,
      long firstNanos,
      long started,
      LinkedHashMap<String, Double> scores,
      Throwable error,
      CompletableFuture<LinkedHashMap<String, Double>> result) {
    metrics.latency(System.nanoTime() - started);
    if (error == null) {
      result.complete(scores);
      return;
    }
    Throwable cause = unwrap(error);
    if (throttled(cause)) {
      metrics.throttles.inc();
    } else {
      metrics.errors.inc();
    }
    long backoffMs = backoffMs(attempt);
    boolean timeLeft = System.nanoTime() + backoffMs * 1_000_000L - firstNanos < retryBudgetNanos;
    if (!retryable(cause) || !timeLeft || !budget.tryTake(1, System.nanoTime())) {
      result.completeExceptionally(cause);
      return;
    }
    metrics.retries.inc();
    timer.schedule(
        () -> startWhenFree(request, attempt + 1, firstNanos, result),
        backoffMs,
        TimeUnit.MILLISECONDS);
  }

  private static LinkedHashMap<String, Double> scores(java.util.List<PredictedItem> ranking) {
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    if (ranking != null) {
      for (PredictedItem item : ranking) {
        if (item.itemId() != null) {
          out.putIfAbsent(item.itemId(), item.score() == null ? 0.0 : item.score());
        }
      }
    }
    return out;
  }

  /** Full jitter: uniformly up to 25 ms, 50 ms, 100 ms, ... */
  static long backoffMs(int attempt) {
    long cap = FIRST_BACKOFF_MS << Math.min(attempt - 1, 10);
    return ThreadLocalRandom.current().nextLong(cap + 1);
  }

  static boolean throttled(Throwable t) {
    return t instanceof SdkServiceException && ((SdkServiceException) t).isThrottlingException();
  }

  static boolean retryable(Throwable t) {
    if (throttled(t)) {
      return true;
    }
    if (t instanceof SdkServiceException) {
      return ((SdkServiceException) t).statusCode() >= 500;
    }
    return t instanceof SdkClientException;
  }

  static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
