package io.cuepoint.connectors.personalize;

import io.cuepoint.operators.viewer.DecisionRequest;
import io.cuepoint.operators.viewer.LocalRanker;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** The ranking function behind Flink's async I/O operator, as the job runs it. */
final class RankingHarness implements AutoCloseable {
  private final OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> harness;
  private boolean ended;

  RankingHarness(PersonalizeSettings settings, LocalRanker ranker, int capacity) throws Exception {
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    harness =
        new OneInputStreamOperatorTestHarness<>(
            new AsyncWaitOperatorFactory<>(
                new PersonalizeRankingFunction(settings, ranker),
                settings.decisionTimeoutMs(),
                capacity,
                AsyncDataStream.OutputMode.UNORDERED),
            TypeInformation.of(DecisionRequest.class).createSerializer(config.getSerializerConfig()));
    harness.open();
  }

  void send(DecisionRequest request) throws Exception {
    harness.processElement(new StreamRecord<>(request, request.eventTime));
  }

  /** Waits for every decision in flight and returns all decisions made. */
  List<ViewerAction> finish() throws Exception {
    if (!ended) {
      harness.endInput();
      ended = true;
    }
    return harness.extractOutputValues();
  }


  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the harness failed", e);
    }
  }

  static void await(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
