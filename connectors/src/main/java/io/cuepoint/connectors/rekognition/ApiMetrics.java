package io.cuepoint.connectors.rekognition;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * What an operator watches of one API (metric group {@code rekognition.<Operation>}); updated from
 * the SDK's and the timer's threads.
 */
final class ApiMetrics {
  private static final int LATENCY_WINDOW = 1_000;

  /** Attempts sent, retries included. */
  final Counter calls;
  /** Answers that were throttling. */
  final Counter throttles;
  final Counter timeouts;
  final Counter retries;
  /** Frames this API gave up on (after retries, or at once for a rejected request). */
  final Counter failures;
  /** Successful calls: the images Rekognition bills. */
  final Counter imagesAnalysed;
  private final Histogram latencyMs;

  ApiMetrics(MetricGroup rekognition, RekognitionApi api) {
    MetricGroup g = rekognition.addGroup(api.operation);
    calls = g.counter("calls", new ThreadSafeSimpleCounter());
    throttles = g.counter("throttles", new ThreadSafeSimpleCounter());
    timeouts = g.counter("timeouts", new ThreadSafeSimpleCounter());
    retries = g.counter("retries", new ThreadSafeSimpleCounter());
    failures = g.counter("failures", new ThreadSafeSimpleCounter());
    imagesAnalysed = g.counter("imagesAnalysed", new ThreadSafeSimpleCounter());
    latencyMs = g.histogram("latencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
  }

  void latency(long nanos) {
    synchronized (latencyMs) {
      latencyMs.update(nanos / 1_000_000L);
    }
  }
}
