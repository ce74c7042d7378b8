package io.cuepoint.connectors.ivs;

import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The sender as Flink runs it (opened with a runtime context), on real SDK clients. */
final class SenderRun implements AutoCloseable {
  static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";
  static final long T0 = 1_780_167_600_000L;

  final IvsMetadataSender sender;
  final AtomicInteger clientsMade = new AtomicInteger();
  private final List<CompletableFuture<Overlay>> outcomes = new ArrayList<>();

  SenderRun(IvsSettings settings) throws Exception {
    this(settings, 1, 0);
  }

  SenderRun(IvsSettings settings, int subtasks, int subtask) throws Exception {
    AtomicInteger made = clientsMade;
    sender =
        new IvsMetadataSender(
            settings,
            (region, s) -> {
              made.incrementAndGet();
              return IvsClientBuilder.build(
                  region, s, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
            });
    sender.setRuntimeContext(new MockStreamingRuntimeContext(false, subtasks, subtask));
    sender.open(DefaultOpenContext.INSTANCE);
  }

  static IvsSettings settings(IvsStubServer server) {
    IvsSettings s = new IvsSettings();
    s.enabled = true;
    s.endpoint = server.endpoint();
    s.retryBudgetMs = 1_500;
    s.initialBackoffMs = 20;
    s.callTimeoutMs = 2_000;
    s.decisionTimeoutMs = 30_000;
    return s;
  }

  static Overlay decision(String channel, String overlayId, OverlayAction action, long atMs) {
    Overlay o = new Overlay();
    o.overlayId = overlayId;
    o.channelArn = channel;
    o.mediaId = "final-2026";
    o.action = action;
    o.productId = "prod-ball-final-2026";
    o.payload =
        action == OverlayAction.CLEAR
            ? "{\"type\":\"clear\",\"overlayId\":\"" + overlayId + "\"}"
            : "{\"type\":\"product\",\"overlayId\":\"" + overlayId + "\",\"productId\":\"prod-ball-final-2026\",\"title\":\"Ball \u26BD\"}";
    o.eventTime = T0 + atMs;
    return o;
  }

  /** Hands one decision to the sender, as the async operator does. */
  CompletableFuture<Overlay> send(Overlay decision) throws Exception {
    CompletableFuture<Overlay> outcome = new CompletableFuture<>();
    sender.asyncInvoke(
        decision,
        new ResultFuture<>() {
          @Override
          public void complete(Collection<Overlay> result) {
            if (result.size() != 1 || !outcome.complete(result.iterator().next())) {
              outcome.completeExceptionally(new AssertionError("completed twice or not with one outcome"));
            }
          }

          @Override
          public void completeExceptionally(Throwable error) {
            outcome.completeExceptionally(error);
          }
        });
    synchronized (outcomes) {
      outcomes.add(outcome);
    }
    return outcome;
  }

  /** Every outcome, in the order the decisions were handed over. */
  List<Overlay> outcomes() throws Exception {
    List<Overlay> all = new ArrayList<>();
    synchronized (outcomes) {
      for (CompletableFuture<Overlay> f : outcomes) {
        all.add(f.get(60, TimeUnit.SECONDS));
      }
    }
    return all;
  }

  @Override
  public void close() {
    sender.close();
  }
}
