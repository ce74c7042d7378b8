package io.cuepoint.connectors.personalize;

import io.cuepoint.operators.viewer.ViewerFeedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsAsyncClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;

/**
 * Writes a batch of interactions as PutEvents calls, one per session and at most {@value
 * #EVENTS_PER_CALL} events each, all in flight at once. Events of a throttled or failed call go
 * back to the buffer for another try, up to {@value #MAX_ATTEMPTS} tries; events the service
 * refuses (a bad request) and events out of tries are counted and given up: learning from the
 * live event must never stop or stall the job.
 */
public class PersonalizeEventsWriter extends AsyncSinkWriter<ViewerFeedback, FeedbackEvent> {
  static final int EVENTS_PER_CALL = 10;
  static final int MAX_ATTEMPTS = 3;

  private final PersonalizeEventsAsyncClient client;
  private final String trackingId;
  private final Counter calls;
  private final Counter sent;
  private final Counter retried;
  private final Counter dropped;

  @SuppressWarnings("deprecation")
  PersonalizeEventsWriter(
      ElementConverter<ViewerFeedback, FeedbackEvent> converter,
      Sink.InitContext context,
      int maxBatchSize,
      int maxInFlightRequests,
      int maxBufferedRequests,
      long maxBatchSizeInBytes,
      long maxTimeInBufferMs,
      long maxRecordSizeInBytes,
      Collection<BufferedRequestState<FeedbackEvent>> state,
      PersonalizeSettings settings) {
    super(
        converter,
        context,
        maxBatchSize,
        maxInFlightRequests,
        maxBufferedRequests,
        maxBatchSizeInBytes,
        maxTimeInBufferMs,
        maxRecordSizeInBytes,
        state);
    this.client = PersonalizeClients.events(settings);
    this.trackingId = settings.trackingId;
    MetricGroup metrics = context.metricGroup();
    calls = metrics.counter("personalizePutEventsCalls", new ThreadSafeSimpleCounter());
    sent = metrics.counter("personalizeEventsSent", new ThreadSafeSimpleCounter());
    retried = metrics.counter("personalizeEventsRetried", new ThreadSafeSimpleCounter());
    dropped = metrics.counter("personalizeEventsDropped", new ThreadSafeSimpleCounter());
  }

  @Override
  protected void submitRequestEntries(List<FeedbackEvent> batch, ResultHandler<FeedbackEvent> handler) {
    List<List<FeedbackEvent>> perCall = bySessionInCalls(batch);
    List<CompletableFuture<List<FeedbackEvent>>> outcomes = new ArrayList<>();
    for (List<FeedbackEvent> events : perCall) {
      outcomes.add(send(events));
    }
    CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0]))
        .whenComplete(
            (ignored, error) -> {
              List<FeedbackEvent> again = new ArrayList<>();
              for (CompletableFuture<List<FeedbackEvent>> o : outcomes) {
                again.addAll(o.join());
              }
              if (again.isEmpty()) {
                handler.complete();
              } else {
                handler.retryForEntries(again);
              }
            });
  }

  /** The events to try again: none when the call succeeded or should not be repeated. */
  private CompletableFuture<List<FeedbackEvent>> send(List<FeedbackEvent> events) {
    FeedbackEvent first = events.get(0);
    List<Event> list = new ArrayList<>();
    for (FeedbackEvent e : events) {
      list.add(
          Event.builder()
              .eventId(e.eventId)
              .eventType(e.eventType)
              .itemId(e.itemId)
              .sentAt(Instant.ofEpochMilli(e.sentAtMs))
              .properties(e.properties)
              .build());
    }
    PutEventsRequest request =
        PutEventsRequest.builder()
            .trackingId(trackingId)
            .userId(first.userId)
            .sessionId(first.sessionId)
            .eventList(list)
            .build();
    calls.inc();
    CompletableFuture<?> call;
    try {
      call = client.putEvents(request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return call.handle(
        (response, error) -> {
          if (error == null) {
            sent.inc(events.size());
            return List.of();
          }
          Throwable cause = PersonalizeRanker.unwrap(error);
          List<FeedbackEvent> again = new ArrayList<>();
          for (FeedbackEvent e : events) {
            if (PersonalizeRanker.retryable(cause) && e.attempts + 1 < MAX_ATTEMPTS) {
              again.add(e.retried());
            }
          }
          retried.inc(again.size());
          dropped.inc(events.size() - again.size());
          return again;
        });
  }

  /** Events grouped by viewer session in batch order, cut into calls of at most 10. */
  static List<List<FeedbackEvent>> bySessionInCalls(List<FeedbackEvent> batch) {
    Map<String, List<FeedbackEvent>> sessions = new LinkedHashMap<>();
    for (FeedbackEvent e : batch) {
      sessions.computeIfAbsent(e.userId + "\u0001" + e.sessionId, k -> new ArrayList<>()).add(e);
    }
    List<List<FeedbackEvent>> calls = new ArrayList<>();
    for (List<FeedbackEvent> events : sessions.values()) {
      for (int i = 0; i < events.size(); i += EVENTS_PER_CALL) {
        calls.add(new ArrayList<>(events.subList(i, Math.min(events.size(), i + EVENTS_PER_CALL))));
      }
    }
    return calls;
  }

  @Override
  protected long getSizeInBytes(FeedbackEvent event) {
    return event.sizeInBytes();
  }

  @Override
  public void close() {
    super.close();
    client.close();
  }
}
