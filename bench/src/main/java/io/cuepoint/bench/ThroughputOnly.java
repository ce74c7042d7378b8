package io.cuepoint.bench;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * The throughput suite alone (baseline and full path, alternating), for profiling and for
 * measuring one change quickly: {@code -Dbench.events}, {@code -Dbench.rounds} and
 * {@code -Dbench.media} choose the size; {@code -Dbench.sparse=true} spreads the input over twice
 * the event time, as the suite's sparse run. Prints each run and its ratio to the baseline of its round.
 * With {@code -Dbench.jfr=file} the full-path runs (only they) are recorded with Flight Recorder,
 * sampling every 10 ms: {@code jfr print --events jdk.ExecutionSample file}. With
 * {@code -Dbench.latency=rate} it runs the latency suite at that input rate instead.
 */
public final class ThroughputOnly {
  private ThroughputOnly() {}

  public static void main(String[] args) throws Exception {
    int events = Integer.getInteger("bench.events", 1_000_000);
    int rounds = Integer.getInteger("bench.rounds", 2);
    int media = Integer.getInteger("bench.media", 1_000);
    String latencyRate = System.getProperty("bench.latency");
    if (latencyRate != null) {
      for (int r = 1; r <= rounds; r++) {
        LatencyRun l = LatencyRun.measure(Integer.parseInt(latencyRate), 20_000);
        System.out.printf("latency at %s/s: %,d timed, p50 %d ms, p99 %d ms, p99.9 %d ms%n", latencyRate,
            l.latencies.length, l.percentile(50), l.percentile(99), l.percentile(99.9));
      }
      return;
    }
    CuepointConfig config = SampleSetup.config(Map.of());
    long frameIntervalMs = config.get(Settings.FRAMES_INTERVAL).toMillis();
    long spread = Boolean.getBoolean("bench.sparse") ? 2 : 1;
    BenchInput input = BenchInput.generate(
        events, media, spread * BenchInput.durationAtFrameInterval(events, media, frameIntervalMs), 42);
    JobRunner.baseline(input);
    JobRunner.fullPath("warm-up", input, config, JobRunner.flinkConfiguration("100ms"));
    for (int round = 1; round <= rounds; round++) {
      Measurement base = JobRunner.baseline(input);
      Recording recording = profiling();
      Measurement full =
          JobRunner.fullPath("full path", input, config, JobRunner.flinkConfiguration("100ms"));
      if (recording != null) {
        recording.dump(Path.of(System.getProperty("bench.jfr")));
        recording.close();
      }
      System.out.printf(
          "round %d: baseline %,.0f ev/s (%.2f CPU-s/M), full path %,.0f ev/s (%.2f CPU-s/M), ratio %.3f%n",
          round, base.eventsPerSecond(), base.cpuSecondsPerMillion(), full.eventsPerSecond(),
          full.cpuSecondsPerMillion(), full.eventsPerSecond() / base.eventsPerSecond());
      System.out.printf("  records out: %,d in all, %s%n", full.recordsOut(), full.outputs);
    }
  }

  private static Recording profiling() {
    if (System.getProperty("bench.jfr") == null) {
      return null;
    }
    Recording r = new Recording();
    r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    r.start();
    return r;
  }
}
