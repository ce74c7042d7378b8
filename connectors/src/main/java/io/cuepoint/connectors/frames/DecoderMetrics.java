package io.cuepoint.connectors.frames;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** What an operator watches of segment fetching and decoding; updated from the decode threads. */
final class DecoderMetrics {
  private static final int LATENCY_WINDOW = 1_000;

  final Counter segmentsFetched;
  final Counter segmentBytes;
  final Counter fetchFailures;
  final Counter framesDecoded;
  final Counter framesSampled;
  final Counter decodeFailures;
  final Counter timeouts;
  private final Histogram decodeLatencyMs;

  DecoderMetrics(MetricGroup group) {
    segmentsFetched = group.counter("segmentsFetched", new ThreadSafeSimpleCounter());
    segmentBytes = group.counter("segmentBytes", new ThreadSafeSimpleCounter());
    fetchFailures = group.counter("segmentFetchFailures", new ThreadSafeSimpleCounter());
    framesDecoded = group.counter("framesDecoded", new ThreadSafeSimpleCounter());
    framesSampled = group.counter("framesSampled", new ThreadSafeSimpleCounter());
    decodeFailures = group.counter("decodeFailures", new ThreadSafeSimpleCounter());
    timeouts = group.counter("segmentTimeouts", new ThreadSafeSimpleCounter());
    decodeLatencyMs = group.histogram("decodeLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
  }

  void decodeLatency(long nanos) {
    synchronized (decodeLatencyMs) {
      decodeLatencyMs.update(nanos / 1_000_000L);
    }
  }
}
