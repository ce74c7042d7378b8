package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.ViewerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The ranking operator of a job without Personalize: decides each request as it comes, and takes
 * over the requests a savepoint of Flink's async operator (the same uid with Personalize) held.
 */
class LocalRankingOperatorTest {
  private static final long START = 1_780_170_000_000L;

  @Test
  void decidesEachRequestAtOnceAsTheLocalDecisionsDoAndKeepsItsTime() throws Exception {
    Random random = new Random(7);
    LocalRanker ranker = LocalRankerTest.train(LocalDecisionsTest.history(random));
    List<DecisionRequest> requests = LocalDecisionsTest.occasion(random, 200);

    List<StreamRecord<ViewerAction>> out = new ArrayList<>();
    try (OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> h = local(ranker)) {
      h.open();
      for (int i = 0; i < requests.size(); i++) {
        h.processElement(new StreamRecord<>(requests.get(i), START + i));
        // Nothing waits in the operator: each action is out before the next request comes.
        assertThat(h.extractOutputValues()).hasSize(i + 1);
      }
      h.processWatermark(new Watermark(START + 500));
      for (Object element : h.getOutput()) {
        if (element instanceof StreamRecord) {
          @SuppressWarnings("unchecked")
          StreamRecord<ViewerAction> record = (StreamRecord<ViewerAction>) element;
          out.add(record);
        }
      }
      assertThat(h.getOutput()).last().isEqualTo(new Watermark(START + 500));
    }

    LocalDecisions reference = new LocalDecisions(ranker);
    assertThat(out).hasSize(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      assertThat(out.get(i).getValue()).isEqualTo(reference.decide(requests.get(i)));
      assertThat(out.get(i).getTimestamp()).isEqualTo(START + i);
    }
  }

  @Test
  void decidesTheRequestsASavepointOfTheAsyncOperatorHeldAndLeavesNoneBehind() throws Exception {
    Random random = new Random(11);
    LocalRanker ranker = LocalRankerTest.train(LocalDecisionsTest.history(random));
    List<DecisionRequest> requests = LocalDecisionsTest.occasion(random, 5);

    OperatorSubtaskState asyncSavepoint;
    try (OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> h = async(false)) {
      h.open();
      for (int i = 0; i < requests.size(); i++) {
        h.processElement(new StreamRecord<>(requests.get(i), START + i));
      }
      assertThat(h.extractOutputValues()).isEmpty();
      asyncSavepoint = h.snapshot(1L, 1L);
    }

    OperatorSubtaskState localSavepoint;
    List<ViewerAction> decided;
    try (OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> h = local(ranker)) {
      h.initializeState(asyncSavepoint);
      h.open();
      decided = h.extractOutputValues();
      localSavepoint = h.snapshot(2L, 2L);
    }
    LocalDecisions reference = new LocalDecisions(ranker);
    List<ViewerAction> expected = new ArrayList<>();
    for (DecisionRequest r : requests) {
      expected.add(reference.decide(r));
    }
    assertThat(decided).containsExactlyInAnyOrderElementsOf(expected);

    // Switched back to the async operator (one that answers at once), nothing is decided twice.
    try (OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> h = async(true)) {
      h.initializeState(localSavepoint);
      h.open();
      h.endInput();
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  private static OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> local(LocalRanker ranker)
      throws Exception {
    return new OneInputStreamOperatorTestHarness<>(new LocalRankingOperator(ranker), requestSerializer());
  }

  /**
   * Flink's async operator as the job builds it with Personalize, with calls that answer at once
   * or never end.
   */
  private static OneInputStreamOperatorTestHarness<DecisionRequest, ViewerAction> async(boolean answers)
      throws Exception {
    return new OneInputStreamOperatorTestHarness<>(
        new AsyncWaitOperatorFactory<>(
            new Calls(answers), TimeUnit.MINUTES.toMillis(10), 100, AsyncDataStream.OutputMode.UNORDERED),
        requestSerializer());
  }

  private static TypeSerializer<DecisionRequest> requestSerializer() {
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    return TypeInformation.of(DecisionRequest.class).createSerializer(config.getSerializerConfig());
  }

  private static final class Calls implements AsyncFunction<DecisionRequest, ViewerAction> {
    private final boolean answers;

    Calls(boolean answers) {
      this.answers = answers;
    }

    @Override
    public void asyncInvoke(DecisionRequest input, ResultFuture<ViewerAction> resultFuture) {
      if (answers) {
        resultFuture.complete(List.of(new LocalDecisions(LocalRanker.untrained()).decide(input)));
      }
    }
  }
}
