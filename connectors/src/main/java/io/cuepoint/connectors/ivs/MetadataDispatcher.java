package io.cuepoint.connectors.ivs;

import io.cuepoint.connectors.retry.Backoff;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sends overlay decisions within the IVS limits without ever blocking the task thread: the
 * decisions are handed to one dispatcher thread, which sends a channel's next decision when the
 * channel and the account both have a free slot ({@link SlotLimiter}) and wakes itself up for the
 * moment one frees. Each channel has one call in flight at a time and one decision waiting; a
 * newer decision replaces the waiting one, which is completed as SUPERSEDED (never dropped
 * silently). Throttling and server errors are retried with {@link Backoff} within the retry budget.
 * Lanes are served in turn, so one busy channel cannot starve the others of the account's budget.
 */
final class MetadataDispatcher implements AutoCloseable {
  /** The call itself: PutMetadata on one channel. */
  interface Calls {
    CompletableFuture<?> put(String channelArn, String metadata);
  }

  static final long WINDOW_MS = 1_000L;

  private final Calls calls;
  private final int channelCallsPerSecond;
  private final SlotLimiter account;
  private final Backoff backoff;
  private final long retryBudgetMs;
  private final SenderMetrics metrics;
  private final LongSupplier clockMs;
  private final ScheduledExecutorService thread;

  private final Map<String, ChannelLane> lanes = new HashMap<>();
  /** Lanes with a decision waiting, in the order they are served. */
  private final LinkedHashSet<ChannelLane> ready = new LinkedHashSet<>();
  private long wakeAtMs = Long.MAX_VALUE;
  /** Idle lanes are looked for once a window: a lane lives at least that long after its last call. */
  private long nextIdleSweepMs;

  MetadataDispatcher(
      Calls calls, IvsSettings settings, int accountCallsPerSecondHere, SenderMetrics metrics, String threadName) {
    this.calls = calls;
    this.channelCallsPerSecond = settings.channelCallsPerSecond;
    this.account = new SlotLimiter(accountCallsPerSecondHere, WINDOW_MS);
    this.backoff = new Backoff(settings.initialBackoffMs, Math.max(settings.retryBudgetMs, 1), new Random());
    this.retryBudgetMs = settings.retryBudgetMs;
    this.metrics = metrics;
    this.clockMs = () -> System.nanoTime() / 1_000_000L;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** Hands a decision over; returns at once. */
  void submit(PendingDecision decision) {
    run(() -> accept(decision));
  }

  private void accept(PendingDecision decision) {
    ChannelLane lane =
        lanes.computeIfAbsent(
            decision.decision.channelArn,
            arn -> new ChannelLane(arn, new SlotLimiter(channelCallsPerSecond, WINDOW_MS)));
    if (lane.waiting != null) {
      supersede(lane.waiting, decision);
    }
    lane.waiting = decision;
    ready.add(lane);
    pump();
  }

  private void pump() {
    long now = clockMs.getAsLong();
    long earliest = Long.MAX_VALUE;
    Iterator<ChannelLane> lanesReady = ready.iterator();
    while (lanesReady.hasNext()) {
      ChannelLane lane = lanesReady.next();
      if (lane.waiting == null || lane.waiting.isDone()) {
        lane.waiting = null;
        lanesReady.remove();
        continue;
      }
      if (lane.inFlight != null) {
        continue;
      }
      if (lane.notBeforeMs > now) {
        earliest = Math.min(earliest, lane.notBeforeMs);
        continue;
      }
      long channelFree = lane.limiter.nextFreeAt(now);
      if (channelFree > now) {
        earliest = Math.min(earliest, channelFree);
        continue;
      }
      long accountFree = account.nextFreeAt(now);
      if (accountFree > now) {
        earliest = Math.min(earliest, accountFree);
        break;
      }
      lanesReady.remove();
      send(lane, now);
    }
    dropIdleLanes(now);
    wakeUpAt(earliest, now);
  }

  private void send(ChannelLane lane, long now) {
    PendingDecision d = lane.waiting;
    lane.waiting = null;
    lane.inFlight = d;
    lane.limiter.tryAcquire(now);
    account.tryAcquire(now);
    d.attempts++;
    if (d.firstAttemptAtMs == 0) {
      d.firstAttemptAtMs = now;
    }
    metrics.calls.inc();
    CompletableFuture<?> call;
    try {
      call = calls.put(lane.channelArn, d.decision.payload);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete((response, error) -> run(() -> answered(lane, d, error, now)));
  }

  private void answered(ChannelLane lane, PendingDecision d, Throwable error, long sentAt) {
    long now = clockMs.getAsLong();
    lane.limiter.release(now);
    account.release(now);
    lane.inFlight = null;
    metrics.callLatencyMs.update(now - sentAt);
    if (error == null) {
      d.complete(OverlayStatus.SENT, null);
    } else {
      failed(lane, d, error, now);
    }
    if (lane.waiting != null) {
      ready.add(lane);
    }
    pump();
  }

  private void failed(ChannelLane lane, PendingDecision d, Throwable error, long now) {
    CallFailure failure = CallFailure.of(error);
    String described = CallFailure.describe(error);
    if (failure == CallFailure.THROTTLED) {
      metrics.throttles.inc();
    }
    if (failure == CallFailure.NOT_BROADCASTING) {
      d.complete(OverlayStatus.NOT_BROADCASTING, described);
      return;
    }
    if (failure.retryable && !d.isDone()) {
      long delay = backoff.delayMs(d.attempts);
      if (now + delay - d.firstAttemptAtMs <= retryBudgetMs) {
        lane.notBeforeMs = Math.max(lane.notBeforeMs, now + delay);
        if (lane.waiting == null) {
          lane.waiting = d;
          metrics.retries.inc();
        } else {
          d.complete(
              OverlayStatus.SUPERSEDED,
              "replaced by a newer decision for the channel while waiting to retry after "
                  + described);
        }
        return;
      }
    }
    OverlayStatus status =
        failure == CallFailure.THROTTLED ? OverlayStatus.THROTTLED : OverlayStatus.FAILED;
    d.complete(
        status,
        described
            + (failure.retryable
                ? " (" + d.attempts + " attempts within the " + retryBudgetMs + " ms retry budget)"
                : ""));
  }

  private static void supersede(PendingDecision older, PendingDecision newer) {
    older.complete(
        OverlayStatus.SUPERSEDED,
        "replaced before it was sent by "
            + newer.decision.action
            + " of "
            + newer.decision.overlayId
            + " at "
            + newer.decision.eventTime);
  }

  private void dropIdleLanes(long now) {
    if (now < nextIdleSweepMs) {
      return;
    }
    nextIdleSweepMs = now + WINDOW_MS;
    Iterator<ChannelLane> it = lanes.values().iterator();
    while (it.hasNext()) {
      ChannelLane lane = it.next();
      if (lane.inFlight == null
          && lane.waiting == null
          && lane.notBeforeMs <= now
          && lane.limiter.isIdle(now)) {
        it.remove();
      }
    }
  }

  private void wakeUpAt(long at, long now) {
    if (at == Long.MAX_VALUE || at >= wakeAtMs) {
      return;
    }
    wakeAtMs = at;
    try {
      thread.schedule(
          () -> {
            wakeAtMs = Long.MAX_VALUE;
            pump();
          },
          Math.max(0, at - now),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Closing: nothing more is sent.
    }
  }

  private void run(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException closed) {
      // Closing: the decisions still waiting are re-sent from the checkpoint after a restart.
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
