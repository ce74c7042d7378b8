package io.cuepoint.connectors.ivs;

import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/**
 * One overlay decision on its way to IVS. It gets exactly one outcome: the first completion wins,
 * whether it comes from the dispatcher, a newer decision replacing it, or the async timeout.
 */
final class PendingDecision {
  final Overlay decision;
  private final ResultFuture<Overlay> result;
  private final Consumer<Overlay> onOutcome;
  private final AtomicBoolean done = new AtomicBoolean();

  /** Dispatcher thread only. */
  int attempts;
  /** Dispatcher thread only; 0 before the first attempt. */
  long firstAttemptAtMs;

  PendingDecision(Overlay decision, ResultFuture<Overlay> result, Consumer<Overlay> onOutcome) {
    this.decision = decision;
    this.result = result;
    this.onOutcome = onOutcome;
  }

  boolean isDone() {
    return done.get();
  }

  void complete(OverlayStatus status, String error) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    Overlay outcome = copy(decision);
    outcome.status = status;
    outcome.attempts = attempts;
    outcome.error = error;
    onOutcome.accept(outcome);
    result.complete(Collections.singleton(outcome));
  }

  static Overlay copy(Overlay d) {
    Overlay o = new Overlay();
    o.overlayId = d.overlayId;
    o.channelArn = d.channelArn;
    o.mediaId = d.mediaId;
    o.action = d.action;
    o.productId = d.productId;
    o.payload = d.payload;
    o.eventTime = d.eventTime;
    return o;
  }
}
