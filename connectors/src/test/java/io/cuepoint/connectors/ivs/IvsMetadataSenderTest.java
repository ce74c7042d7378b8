package io.cuepoint.connectors.ivs;

import static io.cuepoint.connectors.ivs.SenderRun.CHANNEL;
import static io.cuepoint.connectors.ivs.SenderRun.decision;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.ivs.IvsStubServer.Answer;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sender against IVS on loopback, through the real SDK client and its protocol. */
class IvsMetadataSenderTest {
  private static final String OTHER = "arn:aws:ivs:eu-west-1:123456789012:channel/ZzZz99";

  @Test
  void sendsEachDecisionAsSignedPutMetadataWithTheExactPayload() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer();
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay show = decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0);
      Overlay clear = decision(OTHER, "ov-2", OverlayAction.CLEAR, 0);
      Overlay sentShow = run.send(show).get(30, TimeUnit.SECONDS);
      Overlay sentClear = run.send(clear).get(30, TimeUnit.SECONDS);

      assertThat(sentShow.status).isEqualTo(OverlayStatus.SENT);
      assertThat(sentShow.attempts).isEqualTo(1);
      assertThat(sentShow.error).isNull();
      assertThat(sentShow.payload).isEqualTo(show.payload);
      assertThat(sentClear.status).isEqualTo(OverlayStatus.SENT);
      assertThat(ivs.calls())
          .extracting(c -> c.channelArn, c -> c.metadata)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(CHANNEL, show.payload),
              org.assertj.core.groups.Tuple.tuple(OTHER, clear.payload));
      assertThat(ivs.calls()).allSatisfy(c -> assertThat(c.authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"));
      // The region comes from each channel's ARN: one client per region.
      assertThat(ivs.calls().get(0).authorization).contains("/us-west-2/ivs/");
      assertThat(ivs.calls().get(1).authorization).contains("/eu-west-1/ivs/");
      assertThat(run.clientsMade.get()).isEqualTo(2);
    }
  }

  @Test
  void throttlingIsRetriedWithBackoffUntilItGetsThrough() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> n <= 2 ? Answer.THROTTLED : Answer.OK);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.SENT);
      assertThat(outcome.attempts).isEqualTo(3);
      assertThat(ivs.calls()).hasSize(3);
    }
  }

  @Test
  void throttlingThatOutlastsTheBudgetIsThrottled() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> Answer.THROTTLED);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.THROTTLED);
      assertThat(outcome.attempts).isGreaterThan(2).isEqualTo(ivs.calls().size());
      assertThat(outcome.error).matches("ThrottlingException \\(429\\) \\(\\d+ attempts within the 1500 ms retry budget\\)");
    }
  }

  @Test
  void serverErrorsAreRetriedThenFailed() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> Answer.SERVER_ERROR);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.FAILED);
      assertThat(outcome.attempts).isGreaterThan(2).isEqualTo(ivs.calls().size());
      assertThat(outcome.error).startsWith("InternalServerException (500)");
    }
  }

  @Test
  void aServerErrorThenSuccessIsSent() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> n == 1 ? Answer.SERVER_ERROR : Answer.OK);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.SENT);
      assertThat(outcome.attempts).isEqualTo(2);
    }
  }

  @Test
  void channelNotBroadcastingIsRecordedAndNotRetried() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> Answer.NOT_BROADCASTING);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.NOT_BROADCASTING);
      assertThat(outcome.attempts).isEqualTo(1);
      assertThat(outcome.error).startsWith("ChannelNotBroadcasting (409)");
      Thread.sleep(200);
      assertThat(ivs.calls()).hasSize(1);
    }
  }

  @Test
  void aRejectedRequestIsFailedWithoutRetrying() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer().answering((c, n) -> Answer.INVALID);
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(30, TimeUnit.SECONDS);
      assertThat(outcome.status).isEqualTo(OverlayStatus.FAILED);
      assertThat(outcome.attempts).isEqualTo(1);
      assertThat(outcome.error).startsWith("ValidationException (400)");
    }
  }

  @Test
  void aBurstOnOneChannelIsCoalescedAndTheNewestDecisionAlwaysGetsThrough() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer();
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      for (int i = 0; i < 40; i++) {
        run.send(decision(CHANNEL, "ov-" + i, i % 2 == 0 ? OverlayAction.SHOW : OverlayAction.CLEAR, i * 1000L));
      }
      List<Overlay> outcomes = run.outcomes();

      assertThat(outcomes).hasSize(40);
      assertThat(outcomes).extracting(o -> o.status).containsOnly(OverlayStatus.SENT, OverlayStatus.SUPERSEDED);
      assertThat(outcomes.get(39).status).isEqualTo(OverlayStatus.SENT);
      List<Overlay> sent = outcomes.stream().filter(o -> o.status == OverlayStatus.SENT).collect(Collectors.toList());
      assertThat(sent.size()).isLessThan(40);
      assertThat(outcomes.stream().filter(o -> o.status == OverlayStatus.SUPERSEDED))
          .allSatisfy(o -> {
            assertThat(o.attempts).isZero();
            assertThat(o.error).startsWith("replaced before it was sent by ");
          });
      // IVS got the sent ones, in decision order, and nothing else.
      assertThat(ivs.calls()).extracting(c -> c.metadata)
          .containsExactlyElementsOf(sent.stream().map(o -> o.payload).collect(Collectors.toList()));
      assertThat(RateCheck.mostCallsInAnySecond(ivs.calls(), CHANNEL)).isLessThanOrEqualTo(5);
    }
  }

  @Test
  void dryRunSendsNothingAndMakesNoClient() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer()) {
      IvsSettings settings = SenderRun.settings(ivs);
      settings.enabled = false;
      try (SenderRun run = new SenderRun(settings)) {
        Overlay outcome = run.send(decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0)).get(5, TimeUnit.SECONDS);
        assertThat(outcome.status).isEqualTo(OverlayStatus.DRY_RUN);
        assertThat(outcome.attempts).isZero();
        assertThat(run.clientsMade.get()).isZero();
      }
      assertThat(ivs.calls()).isEmpty();
    }
  }

  @Test
  void aDecisionWithoutAnOutcomeInTimeIsFailedNotAnError() throws Exception {
    try (IvsStubServer ivs = new IvsStubServer();
        SenderRun run = new SenderRun(SenderRun.settings(ivs))) {
      Overlay d = decision(CHANNEL, "ov-1", OverlayAction.SHOW, 0);
      java.util.concurrent.CompletableFuture<Overlay> outcome = new java.util.concurrent.CompletableFuture<>();
      run.sender.timeout(d, new org.apache.flink.streaming.api.functions.async.ResultFuture<>() {
        @Override
        public void complete(java.util.Collection<Overlay> result) {
          outcome.complete(result.iterator().next());
        }

        @Override
        public void completeExceptionally(Throwable error) {
          outcome.completeExceptionally(error);
        }
      });
      assertThat(outcome.get(5, TimeUnit.SECONDS).status).isEqualTo(OverlayStatus.FAILED);
      assertThat(outcome.get().error).isEqualTo("no outcome within 30000 ms");
    }
  }
}
