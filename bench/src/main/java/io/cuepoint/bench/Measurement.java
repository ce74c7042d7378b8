package io.cuepoint.bench;

import io.cuepoint.schemas.StreamName;
import java.util.Map;

/** One throughput run: events through the job, its net run time and the CPU the process used. */
final class Measurement {
  final String name;
  final long events;
  final long millis;
  final long cpuNanos;
  /** Records written per output stream; empty where the run does not count them. */
  final Map<StreamName, Long> outputs;

  Measurement(String name, long events, long millis, long cpuNanos) {
    this(name, events, millis, cpuNanos, Map.of());
  }

  private Measurement(String name, long events, long millis, long cpuNanos, Map<StreamName, Long> outputs) {
    this.name = name;
    this.events = events;
    this.millis = millis;
    this.cpuNanos = cpuNanos;
    this.outputs = outputs;
  }

  Measurement withOutputs(Map<StreamName, Long> counted) {
    return new Measurement(name, events, millis, cpuNanos, counted);
  }

  /** The output records counted, in all. */
  long recordsOut() {
    long n = 0;
    for (long c : outputs.values()) {
      n += c;
    }
    return n;
  }

  double eventsPerSecond() {
    return events * 1000.0 / Math.max(1, millis);
  }

  double cpuSecondsPerMillion() {
    return cpuNanos / 1e9 / (events / 1e6);
  }
}
