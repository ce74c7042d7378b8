package io.cuepoint.connectors.personalize;

import io.cuepoint.operators.viewer.ViewerFeedback;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Sends viewer interactions to a Personalize event tracker so the model learns from the live
 * event: buffered and batched by Flink's async sink (at most {@value #MAX_BATCH} events or
 * {@value #MAX_WAIT_MS} ms), then one PutEvents call per viewer session in the batch (the API
 * takes up to {@value PersonalizeEventsWriter#EVENTS_PER_CALL} events of one session a call).
 */
public class PersonalizeEventsSink extends AsyncSinkBase<ViewerFeedback, FeedbackEvent> {
  private static final long serialVersionUID = 1L;
  static final int MAX_BATCH = 100;
  static final int MAX_IN_FLIGHT = 4;
  static final int MAX_BUFFERED = 10_000;
  static final long MAX_BATCH_BYTES = 1L << 20;
  static final long MAX_WAIT_MS = 1_000L;
  static final long MAX_EVENT_BYTES = 64L << 10;

  private final PersonalizeSettings settings;

  public PersonalizeEventsSink(PersonalizeSettings settings) {
    super(
        new FeedbackEvents(),
        MAX_BATCH,
        MAX_IN_FLIGHT,
        MAX_BUFFERED,
        MAX_BATCH_BYTES,
        MAX_WAIT_MS,
        MAX_EVENT_BYTES);
    this.settings = settings;
  }

  @Override
  @SuppressWarnings("deprecation")
  public PersonalizeEventsWriter createWriter(InitContext context) {
    return restoreWriter(context, Collections.emptyList());
  }

  @Override
  @SuppressWarnings("deprecation")
  public PersonalizeEventsWriter restoreWriter(
      InitContext context, Collection<BufferedRequestState<FeedbackEvent>> state) {
    return new PersonalizeEventsWriter(
        getElementConverter(),
        context,
        getMaxBatchSize(),
        getMaxInFlightRequests(),
        getMaxBufferedRequests(),
        getMaxBatchSizeInBytes(),
        getMaxTimeInBufferMS(),
        getMaxRecordSizeInBytes(),
        state,
        settings);
  }

  @Override
  public SimpleVersionedSerializer<BufferedRequestState<FeedbackEvent>> getWriterStateSerializer() {
    return new FeedbackEventSerializer();
  }
}
