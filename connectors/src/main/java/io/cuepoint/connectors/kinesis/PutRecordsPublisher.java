package io.cuepoint.connectors.kinesis;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes records to one Kinesis stream from outside Flink, in {@code PutRecords} batches on the
 * async client: one call under way at a time, taking whatever has queued up meanwhile. Records
 * the stream refused for throughput or an internal failure, and whole calls that were throttled,
 * failed with a 5xx or never got an answer, are sent again after an exponential backoff with full
 * jitter, until the retry budget (from a record's first attempt) runs out. A retried record can
 * land after records that were sent after it.
 */
public final class PutRecordsPublisher implements AutoCloseable {
  private static final long FIRST_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final Set<String> RETRYABLE_RECORD_ERRORS =
      Set.of("ProvisionedThroughputExceededException", "InternalFailure", "KMSThrottlingException");

  private final KinesisAsyncClient client;
  private final String stream;
  private final int maxBatch;
  private final long retryBudgetMs;
  private final Clock clock;
  private final ScheduledExecutorService backoff;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final Set<CompletableFuture<Void>> outstanding = ConcurrentHashMap.newKeySet();
  private boolean callUnderWay;
  private boolean waitingToRetry;

  public final AtomicLong calls = new AtomicLong();
  public final AtomicLong published = new AtomicLong();
  public final AtomicLong retriedRecords = new AtomicLong();
  public final AtomicLong failedRecords = new AtomicLong();

  /**
   * @param stream a stream ARN or name
   * @param maxBatch records per call (Kinesis takes up to 500)
   */
  public PutRecordsPublisher(KinesisAsyncClient client, String stream, int maxBatch, long retryBudgetMs, Clock clock) {
    this.client = client;
    this.stream = stream;
    this.maxBatch = maxBatch;
    this.retryBudgetMs = retryBudgetMs;
    this.clock = clock;
    this.backoff =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cuepoint-putrecords-backoff");
              t.setDaemon(true);
              return t;
            });
  }

  /** Completes when the stream has the record, or fails with why it never will. */
  public CompletableFuture<Void> publish(String partitionKey, String data) {
    Pending p = new Pending(partitionKey, SdkBytes.fromUtf8String(data), clock.millis());
    outstanding.add(p.done);
    p.done.whenComplete((ok, failure) -> outstanding.remove(p.done));
    synchronized (this) {
      queue.addLast(p);
    }
    sendNext();
    return p.done;
  }

  /** Completes when every record published so far has its outcome (failures included). */
  public CompletableFuture<Void> flush() {
    CompletableFuture<?>[] all =
        outstanding.stream().map(f -> f.handle((ok, failure) -> null)).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all);
  }

  private void sendNext() {
    List<Pending> batch = new ArrayList<>();
    synchronized (this) {
      if (callUnderWay || waitingToRetry || queue.isEmpty()) {
        return;
      }
      while (batch.size() < maxBatch && !queue.isEmpty()) {
        batch.add(queue.pollFirst());
      }
      callUnderWay = true;
    }
    List<PutRecordsRequestEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      p.attempts++;
      entries.add(PutRecordsRequestEntry.builder().partitionKey(p.partitionKey).data(p.data).build());
    }
    PutRecordsRequest.Builder request = PutRecordsRequest.builder().records(entries);
    if (StreamArn.looksLikeArn(stream)) {
      request.streamARN(stream);
    } else {
      request.streamName(stream);
    }
    calls.incrementAndGet();
    CompletableFuture<PutRecordsResponse> call;
    try {
      call = client.putRecords(request.build());
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete((response, failure) -> answered(batch, response, failure));
  }

  private void answered(List<Pending> batch, PutRecordsResponse response, Throwable failure) {
    List<Pending> retry = new ArrayList<>();
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      for (Pending p : batch) {
        settle(p, retryableCall(cause), cause.getClass().getSimpleName() + ": " + cause.getMessage(), retry);
      }
    } else {
      List<PutRecordsResultEntry> results = response.records();
      for (int i = 0; i < batch.size(); i++) {
        PutRecordsResultEntry r = i < results.size() ? results.get(i) : null;
        Pending p = batch.get(i);
        if (r != null && r.errorCode() == null) {
          published.incrementAndGet();
          p.done.complete(null);
        } else {
          String code = r == null ? "InternalFailure" : r.errorCode();
          settle(p, RETRYABLE_RECORD_ERRORS.contains(code), code + (r == null ? "" : ": " + r.errorMessage()), retry);
        }
      }
    }
    long delayMs = 0;
    synchronized (this) {
      callUnderWay = false;
      for (int i = retry.size() - 1; i >= 0; i--) {
        queue.addFirst(retry.get(i));
      }
      if (!retry.isEmpty()) {
        int attempts = retry.get(0).attempts;
        long ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempts - 1, 16));
        delayMs = ThreadLocalRandom.current().nextLong(ceiling + 1);
        waitingToRetry = true;
      }
    }
    if (retry.isEmpty()) {
      sendNext();
      return;
    }
    try {
      backoff.schedule(
          () -> {
            synchronized (this) {
              waitingToRetry = false;
            }
            sendNext();
          },
          delayMs,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      for (Pending p : retry) {
        p.done.completeExceptionally(new IllegalStateException("the publisher was closed"));
      }
    }
  }

  private void settle(Pending p, boolean retryable, String error, List<Pending> retry) {
    if (retryable && clock.millis() - p.firstAttemptMs < retryBudgetMs) {
      retriedRecords.incrementAndGet();
      retry.add(p);
    } else {
      failedRecords.incrementAndGet();
      p.done.completeExceptionally(
          new IllegalStateException("not written to " + stream + " after " + p.attempts + " attempts: " + error));
    }
  }

  private static boolean retryableCall(Throwable failure) {
    if (failure instanceof AwsServiceException) {
      AwsServiceException e = (AwsServiceException) failure;
      return e.isThrottlingException() || e.statusCode() >= 500
          || (e.awsErrorDetails() != null && "ProvisionedThroughputExceededException".equals(e.awsErrorDetails().errorCode()));
    }
    return failure instanceof SdkClientException || failure instanceof IOException;
  }

  /** Stops retrying; records not yet written fail. Does not close the client. */
  @Override
  public void close() {
    backoff.shutdownNow();
    List<Pending> left;
    synchronized (this) {
      left = new ArrayList<>(queue);
      queue.clear();
    }
    for (Pending p : left) {
      p.done.completeExceptionally(new IllegalStateException("the publisher was closed"));
    }
  }

  private static final class Pending {
    final String partitionKey;
    final SdkBytes data;
    final long firstAttemptMs;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int attempts;

    Pending(String partitionKey, SdkBytes data, long firstAttemptMs) {
      this.partitionKey = partitionKey;
      this.data = data;
      this.firstAttemptMs = firstAttemptMs;
    }
  }
}
