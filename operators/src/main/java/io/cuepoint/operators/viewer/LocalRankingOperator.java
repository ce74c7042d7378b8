package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.ViewerAction;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Ranks each decision with the local ranker on the task thread, as it arrives: the ranking
 * operator of a job without Personalize. A local decision never waits, so Flink's async operator
 * would only add its queue, a mail per record and a copy of every request, and encode each action
 * long after its viewer's state was last read; this operator hands the action on at once.
 *
 * <p>It takes the async operator's place under the same uid. A savepoint taken while that
 * operator still held requests keeps them in its list state; they are decided here when the job
 * starts, so switching Personalize off, or upgrading a job that ran without it, loses no decision.
 */
public final class LocalRankingOperator extends AbstractStreamOperator<ViewerAction>
    implements OneInputStreamOperator<DecisionRequest, ViewerAction> {
  private static final long serialVersionUID = 1L;

  /** The list state in which Flink's {@code AsyncWaitOperator} keeps its requests in flight. */
  static final String ASYNC_REQUESTS_STATE = "_async_wait_operator_state_";

  private final LocalDecisions local;

  private transient List<StreamRecord<DecisionRequest>> restored;
  private transient Counter decidedByLocal;

  public LocalRankingOperator(LocalRanker ranker) {
    this.local = new LocalDecisions(ranker);
    this.chainingStrategy = ChainingStrategy.ALWAYS;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    TypeSerializer<DecisionRequest> requests =
        getOperatorConfig().getTypeSerializerIn(0, getUserCodeClassloader());
    ListState<StreamElement> asyncRequests =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    ASYNC_REQUESTS_STATE, new StreamElementSerializer<>(requests)));
    restored = new ArrayList<>();
    for (StreamElement element : asyncRequests.get()) {
      // Watermarks the async operator held are sent again by the inputs; only requests matter.
      if (element.isRecord()) {
        restored.add(element.asRecord());
      }
    }
    asyncRequests.clear();
  }

  @Override
  public void open() throws Exception {
    super.open();
    decidedByLocal = getMetricGroup().counter("decidedByLocal");
    for (StreamRecord<DecisionRequest> request : restored) {
      processElement(request);
    }
    restored = null;
  }

  @Override
  public void processElement(StreamRecord<DecisionRequest> element) {
    decidedByLocal.inc();
    output.collect(element.replace(local.decide(element.getValue())));
  }
}
