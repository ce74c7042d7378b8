package io.cuepoint.bench;

/** One throughput run: events through the job, its net run time and the CPU the process used. */
final class Measurement {
  final String name;
  final long events;
  final long millis;
  final long cpuNanos;

  Measurement(String name, long events, long millis, long cpuNanos) {
    this.name = name;
    this.events = events;
    this.millis = millis;
    this.cpuNanos = cpuNanos;
  }

  double eventsPerSecond() {
    return events * 1000.0 / Math.max(1, millis);
  }

  double cpuSecondsPerMillion() {
    return cpuNanos / 1e9 / (events / 1e6);
  }
}
