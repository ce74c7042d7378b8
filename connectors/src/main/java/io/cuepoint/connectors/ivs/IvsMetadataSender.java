package io.cuepoint.connectors.ivs;

import io.cuepoint.operators.overlay.OverlayPayloads;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Puts overlay decisions on their IVS channels (PutMetadata, Flink async I/O) and emits each
 * decision with its outcome. With IVS off (the default) every decision is DRY_RUN and no client is
 * made. The sender must run right after the channel-keyed scheduler (same parallelism, forward),
 * so each channel's decisions all pass through one subtask and its per-channel limit is exact;
 * the account budget is split evenly between the subtasks.
 *
 * <p>A decision that has not got an outcome within the decision timeout is FAILED rather than
 * failing the job. After a restore, Flink hands the decisions that were in flight to the sender
 * again: a player that already has the overlay id ignores the repeat.
 */
public class IvsMetadataSender extends RichAsyncFunction<Overlay, Overlay> {
  private static final long serialVersionUID = 1L;

  private final IvsSettings settings;
  private final IvsClientFactory clientFactory;

  private transient SenderMetrics metrics;
  private transient IvsClients clients;
  private transient MetadataDispatcher dispatcher;
  private transient Map<ResultFuture<Overlay>, PendingDecision> pending;

  public IvsMetadataSender(IvsSettings settings, IvsClientFactory clientFactory) {
    settings.validate();
    this.settings = settings;
    this.clientFactory = clientFactory;
  }

  /** Attaches the sender to the scheduler's decisions, with its timeout and capacity. */
  public static SingleOutputStreamOperator<Overlay> attach(
      DataStream<Overlay> decisions, IvsSettings settings, IvsClientFactory clientFactory) {
    return AsyncDataStream.unorderedWait(
        decisions,
        new IvsMetadataSender(settings, clientFactory),
        settings.decisionTimeoutMs,
        TimeUnit.MILLISECONDS,
        settings.capacity);
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new SenderMetrics(getRuntimeContext().getMetricGroup());
    pending = new ConcurrentHashMap<>();
    if (!settings.enabled) {
      return;
    }
    int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    clients = new IvsClients(clientFactory, settings);
    dispatcher =
        new MetadataDispatcher(
            clients,
            settings,
            Math.max(1, settings.accountCallsPerSecond / subtasks),
            metrics,
            "ivs-put-metadata-" + subtask);
    getRuntimeContext()
        .getMetricGroup()
        .addGroup("overlays")
        .gauge("decisionsWaiting", () -> pending.size());
  }

  @Override
  public void asyncInvoke(Overlay decision, ResultFuture<Overlay> resultFuture) {
    metrics.payloadBytes.update(OverlayPayloads.bytes(decision.payload));
    PendingDecision d = new PendingDecision(decision, resultFuture, outcome -> counted(resultFuture, outcome));
    if (!settings.enabled) {
      d.complete(OverlayStatus.DRY_RUN, null);
      return;
    }
    pending.put(resultFuture, d);
    dispatcher.submit(d);
  }

  @Override
  public void timeout(Overlay decision, ResultFuture<Overlay> resultFuture) {
    String error = "no outcome within " + settings.decisionTimeoutMs + " ms";
    PendingDecision d = pending.get(resultFuture);
    if (d != null) {
      d.complete(OverlayStatus.FAILED, error);
      return;
    }
    Overlay outcome = PendingDecision.copy(decision);
    outcome.status = OverlayStatus.FAILED;
    outcome.attempts = 0;
    outcome.error = error;
    metrics.failures.inc();
    resultFuture.complete(Collections.singleton(outcome));
  }

  private void counted(ResultFuture<Overlay> resultFuture, Overlay outcome) {
    pending.remove(resultFuture);
    switch (outcome.status) {
      case SENT:
        metrics.sent.inc();
        break;
      case DRY_RUN:
        metrics.dryRun.inc();
        break;
      case THROTTLED:
        metrics.throttled.inc();
        break;
      case NOT_BROADCASTING:
        metrics.notBroadcasting.inc();
        break;
      case SUPERSEDED:
        metrics.superseded.inc();
        break;
      default:
        metrics.failures.inc();
        break;
    }
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (clients != null) {
      clients.close();
    }
  }
}
