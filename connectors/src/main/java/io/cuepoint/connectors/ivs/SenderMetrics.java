package io.cuepoint.connectors.ivs;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** What an operator of the job watches on the IVS sender (metric group {@code overlays}). */
final class SenderMetrics {
  private static final int HISTOGRAM_WINDOW = 1_000;

  final Counter calls;
  final Counter sent;
  final Counter dryRun;
  final Counter throttles;
  final Counter throttled;
  final Counter failures;
  final Counter notBroadcasting;
  final Counter superseded;
  final Counter retries;
  final Histogram payloadBytes;
  final Histogram callLatencyMs;

  SenderMetrics(MetricGroup parent) {
    MetricGroup g = parent.addGroup("overlays");
    calls = g.counter("putMetadataCalls");
    sent = g.counter("sent");
    dryRun = g.counter("dryRun");
    throttles = g.counter("throttles");
    throttled = g.counter("throttled");
    failures = g.counter("failures");
    notBroadcasting = g.counter("notBroadcasting");
    superseded = g.counter("superseded");
    retries = g.counter("retries");
    payloadBytes = g.histogram("payloadBytes", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    callLatencyMs = g.histogram("callLatencyMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
  }
}
