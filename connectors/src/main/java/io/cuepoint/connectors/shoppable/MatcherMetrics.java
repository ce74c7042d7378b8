package io.cuepoint.connectors.shoppable;

import io.cuepoint.connectors.retry.CallListener;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** What an operator watches of product matching; updated from the clients' threads too. */
final class MatcherMetrics {
  private static final int WINDOW = 1_000;

  final Counter framesIn;
  final Counter framesWithProducts;
  final Counter crops;
  final Counter embedCalls;
  final Counter lookups;
  final Counter matches;
  final Counter belowThreshold;
  final Counter throttles;
  final Counter retries;
  final Counter failedCrops;
  final Counter fallbacks;
  final Counter timeouts;
  private final Histogram frameLatencyMs;
  private final Histogram embedLatencyMs;
  private final Histogram lookupLatencyMs;

  MatcherMetrics(MetricGroup group) {
    framesIn = counter(group, "framesIn");
    framesWithProducts = counter(group, "framesWithProducts");
    crops = counter(group, "crops");
    embedCalls = counter(group, "embedCalls");
    lookups = counter(group, "lookups");
    matches = counter(group, "matches");
    belowThreshold = counter(group, "belowThreshold");
    throttles = counter(group, "throttles");
    retries = counter(group, "retries");
    failedCrops = counter(group, "failedCrops");
    fallbacks = counter(group, "fallbacks");
    timeouts = counter(group, "timeouts");
    frameLatencyMs = group.histogram("frameLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
    embedLatencyMs = group.histogram("embedLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
    lookupLatencyMs = group.histogram("lookupLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
  }

  private static Counter counter(MetricGroup group, String name) {
    return group.counter(name, new ThreadSafeSimpleCounter());
  }

  void frameLatency(long nanos) {
    update(frameLatencyMs, nanos);
  }

  CallListener embedListener() {
    return listener(embedLatencyMs);
  }

  CallListener lookupListener() {
    return listener(lookupLatencyMs);
  }

  private CallListener listener(Histogram latency) {
    return new CallListener() {
      @Override
      public void throttled() {
        throttles.inc();
      }

      @Override
      public void retried() {
        retries.inc();
      }

      @Override
      public void latencyNanos(long nanos) {
        update(latency, nanos);
      }
    };
  }

  private static void update(Histogram h, long nanos) {
    synchronized (h) {
      h.update(nanos / 1_000_000L);
    }
  }
}
