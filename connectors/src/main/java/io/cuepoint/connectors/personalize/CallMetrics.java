package io.cuepoint.connectors.personalize;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** What an operator watches of the Personalize calls; updated from the SDK's threads too. */
final class CallMetrics {
  private static final int LATENCY_WINDOW = 1_000;

  final Counter calls;
  final Counter throttles;
  final Counter errors;
  final Counter retries;
  final Counter expiredWaiting;
  private final Histogram latencyMs;

  CallMetrics(MetricGroup group) {
    calls = group.counter("personalizeCalls", new ThreadSafeSimpleCounter());
    throttles = group.counter("personalizeThrottles", new ThreadSafeSimpleCounter());
    errors = group.counter("personalizeErrors", new ThreadSafeSimpleCounter());
    retries = group.counter("personalizeRetries", new ThreadSafeSimpleCounter());
    expiredWaiting = group.counter("personalizeCallsExpiredWaiting", new ThreadSafeSimpleCounter());
    latencyMs = group.histogram("personalizeLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
  }

  void latency(long nanos) {
    synchronized (latencyMs) {
      latencyMs.update(nanos / 1_000_000L);
    }
  }
}
