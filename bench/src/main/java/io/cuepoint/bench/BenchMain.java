package io.cuepoint.bench;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark suite and writes a Markdown table of every figure. Figures are compared with
 * a baseline measured in the same run, because these machines are noisy.
 */
public final class BenchMain {
  private static final int EVENTS = Integer.getInteger("bench.events", 1_500_000);
  private static final String LOAD_AT_START = loadAverage();

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "RESULTS.md");
    long started = System.currentTimeMillis();
    List<String> report = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> timings = new ArrayList<>();
    Set<String> chosen = chosenSuites();
    BenchMain bench = new BenchMain();
    for (Map.Entry<String, Suite> suite : bench.suites().entrySet()) {
      if (!chosen.isEmpty() && !chosen.contains(suite.getKey())) {
        continue;
      }
      long suiteStarted = System.currentTimeMillis();
      try {
        suite.getValue().run(report);
      } catch (Exception | OutOfMemoryError e) {
        progress("suite %s failed: %s", suite.getKey(), e);
        e.printStackTrace();
        String failure = String.format("**Suite `%s` failed** after %.0f s: `%s`", suite.getKey(),
            (System.currentTimeMillis() - suiteStarted) / 1000.0, oneLine(e));
        failures.add(failure);
        report.add("");
        report.add(failure);
        report.add("");
      }
      double seconds = (System.currentTimeMillis() - suiteStarted) / 1000.0;
      progress("suite %s took %.0f s", suite.getKey(), seconds);
      timings.add(String.format("%s %.0f s", suite.getKey(), seconds));
    }
    write(results, report, failures, timings, System.currentTimeMillis() - started);
    progress("wrote %s", results);
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }

  /** One part of the suite: appends its report lines as it goes. */
  private interface Suite {
    void run(List<String> report) throws Exception;
  }

  private final CuepointConfig config = SampleSetup.config(Map.of());
  /** The best full-path run of the throughput suite, which the latency suite takes half of. */
  private Measurement bestFull;

  /** The suites in the order they run, by the names {@code bench.suites} chooses them with. */
  private Map<String, Suite> suites() {
    Map<String, Suite> suites = new LinkedHashMap<>();
    suites.put("throughput", this::throughput);
    suites.put("scaling", this::scaling);
    suites.put("latency", this::latency);
    suites.put("async", AsyncIoSuite::run);
    suites.put("state", StateSizeSuite::run);
    return suites;
  }

  /** {@code -Dbench.suites=state,async}: only those suites; all when empty. */
  private static Set<String> chosenSuites() {
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : System.getProperty("bench.suites", "").split(",")) {
      if (!name.isBlank()) {
        chosen.add(name.trim());
      }
    }
    return chosen;
  }

  private void throughput(List<String> report) throws Exception {
    long frameIntervalMs = config.get(Settings.FRAMES_INTERVAL).toMillis();
    long durationMs = BenchInput.durationAtFrameInterval(EVENTS, 1_000, frameIntervalMs);
    progress("generating %,d events over 1,000 media and %s of event time", EVENTS, hours(durationMs));
    BenchInput input = BenchInput.generate(EVENTS, 1_000, durationMs, 42);
    progress("%,d events, %.0f bytes per record on average", input.total(), (double) input.bytes / input.total());

    // A round as long as the measured ones, unreported: with a 200,000-event warm-up the first
    // measured full path still ran a third slower than the next, on code the JIT had not finished.
    progress("warming up: one unreported round");
    JobRunner.baseline(input);
    JobRunner.fullPath("warm-up", input, config, JobRunner.flinkConfiguration("100ms"));

    Measurement bestBaseline = null;
    List<Measurement> baselines = new ArrayList<>();
    List<Measurement> fullPaths = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      progress("throughput round %d: baseline", round);
      baselines.add(JobRunner.baseline(input));
      bestBaseline = best(bestBaseline, baselines.get(round - 1));
      progress("throughput round %d: full path", round);
      fullPaths.add(JobRunner.fullPath("full path", input, config, JobRunner.flinkConfiguration("100ms")));
      bestFull = best(bestFull, fullPaths.get(round - 1));
    }
    progress("throughput: full path, sparse input");
    BenchInput sparse = BenchInput.generate(EVENTS, 1_000, 2 * durationMs, 42);
    Measurement sparseFull =
        JobRunner.fullPath(
            "full path, sparse input (one run)", sparse, config, JobRunner.flinkConfiguration("100ms"));
    report.add("## Throughput (parallelism 2, heap state, best of 2 rounds)");
    report.add("");
    report.add(String.format(
        "1,000 media over %s of event time: a media has a detection every %d s on average, the"
            + " job's `Frames.interval` (the sample recording has one every 2.4–4 s). The sparse run"
            + " has as many records over twice the event time (a detection every %d s per media, the"
            + " input of runs before 2026-11-25), so more media-context windows per detection.",
        hours(durationMs), frameIntervalMs / 1000, 2 * frameIntervalMs / 1000));
    report.add("");
    report.add("| run | events | seconds | events/s | CPU-s per million events | vs baseline | records out per event |");
    report.add("|---|---:|---:|---:|---:|---:|---:|");
    report.add(row(bestBaseline, bestBaseline));
    report.add(row(bestFull, bestBaseline));
    report.add(row(sparseFull, bestBaseline));
    report.add("");
    report.add(String.format("Each round, in events/s: baseline %s, full path %s; the spread is this"
        + " machine's noise, which is why every figure is compared within one run.",
        rates(baselines), rates(fullPaths)));
    report.add("");
    report.add("Records the full path wrote, by output: " + outputs(bestFull) + "; sparse input: "
        + outputs(sparseFull) + ". Each is a decision, a window or a span made and encoded as JSON,"
        + " so the full path does this much more than the baseline, which writes nothing.");
    report.add("");
  }

  private static String hours(long millis) {
    return String.format("%.1f h", millis / 3_600_000.0);
  }

  private void scaling(List<String> report) throws Exception {
    long frameIntervalMs = config.get(Settings.FRAMES_INTERVAL).toMillis();
    List<Measurement> scaling = new ArrayList<>();
    for (int media : new int[] {10, 1_000, 100_000}) {
      progress("scaling: %,d media", media);
      BenchInput keyed = BenchInput.atFrameInterval(EVENTS / 3, media, frameIntervalMs, 11);
      scaling.add(JobRunner.fullPath(String.format("%,d", media), keyed, config, JobRunner.flinkConfiguration("100ms")));
    }
    report.add("## Scaling with distinct media keys (full path, one run each)");
    report.add("");
    report.add("A detection every `Frames.interval` per media as above, so the event time spanned"
        + " shrinks as the media grow.");
    report.add("");
    report.add("| media keys | events | seconds | events/s | CPU-s per million events | vs 1,000-key run | records out per event |");
    report.add("|---:|---:|---:|---:|---:|---:|---:|");
    for (Measurement m : scaling) {
      report.add(row(m, scaling.get(1)));
    }
    report.add("");
  }

  private void latency(List<String> report) throws Exception {
    report.add("## Latency: match event injected → event of interest leaving the job");
    report.add("");
    report.add("Full job, parallelism 2, buffer timeout 5 ms, `Watermarks.out-of-orderness` 0 (a non-zero"
        + " bound adds itself: events of interest wait for the watermark to pass their event). One red"
        + " card per four match events; the first 3 s are left out as warm-up.");
    report.add("");
    report.add("| input rate (events/s) | events of interest timed | p50 ms | p99 ms | p99.9 ms |");
    report.add("|---:|---:|---:|---:|---:|");
    // Half the maximum only when the throughput suite measured one in this run.
    int[] rates = bestFull == null ? new int[] {10_000} : new int[] {10_000, (int) (bestFull.eventsPerSecond() / 2)};
    for (int rate : rates) {
      progress("latency at %,d events/s", rate);
      LatencyRun l = LatencyRun.measure(rate, 20_000);
      report.add(String.format("| %,d | %,d | %d | %d | %d |", rate, l.latencies.length,
          l.percentile(50), l.percentile(99), l.percentile(99.9)));
    }
    report.add("");
  }

  private static String oneLine(Throwable e) {
    // Flink wraps a job's failure in layers that say only that it failed: the root says why.
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root == e ? e.toString() : e + " (root cause: " + root + ")";
    return text.replace('\n', ' ').replace("`", "'");
  }

  private static Measurement best(Measurement current, Measurement candidate) {
    return current == null || candidate.eventsPerSecond() > current.eventsPerSecond() ? candidate : current;
  }

  private static String row(Measurement m, Measurement reference) {
    return String.format(
        "| %s | %,d | %.1f | %,.0f | %.2f | %.2f× | %s |",
        m.name, m.events, m.millis / 1000.0, m.eventsPerSecond(), m.cpuSecondsPerMillion(),
        m.eventsPerSecond() / reference.eventsPerSecond(),
        m.outputs.isEmpty() ? "none" : String.format("%.2f", (double) m.recordsOut() / m.events));
  }

  private static String rates(List<Measurement> runs) {
    List<String> parts = new ArrayList<>();
    for (Measurement m : runs) {
      parts.add(String.format("%,.0f", m.eventsPerSecond()));
    }
    return String.join(" and ", parts);
  }

  /** The records written per output stream, as {@code media-context 470,025, ...}. */
  private static String outputs(Measurement m) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<StreamName, Long> e : m.outputs.entrySet()) {
      parts.add(String.format("`%s` %,d", e.getKey().id(), e.getValue()));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static void write(
      Path file, List<String> body, List<String> failures, List<String> timings, long wallMillis)
      throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# Cuepoint benchmark results");
    out.add("");
    out.add(String.format("Measured %s in %.0f s on: %s, %d cores, Java %s (%s).",
        Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
        wallMillis / 1000.0, cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name")));
    out.add("");
    out.add("Load average (1, 5, 15 min) when the suite started: " + LOAD_AT_START
        + "; at the end: " + loadAverage() + ". The load at the end counts the suite's own threads"
        + " (a MiniCluster keeps more than two runnable); one well above the core count at the start"
        + " (where the build before the suite counts too) means other work shared the machine.");
    out.add("");
    out.add("Command: `mvn -B -DskipTests -Pbench -pl bench -am verify` (writes this file).");
    out.add("Every figure is compared with a baseline measured in the same run: these machines are noisy.");
    out.add("");
    String only = System.getProperty("bench.suites", "");
    String backends = System.getProperty("bench.state.backends", "");
    if (!only.isBlank()) {
      out.add("Only the suites `-Dbench.suites=" + only + "` ran.");
      out.add("");
    }
    if (!backends.isBlank()) {
      out.add("State size only on the backends `-Dbench.state.backends=" + backends + "`.");
      out.add("");
    }
    out.add("Time per suite: " + String.join(", ", timings) + ".");
    out.add("");
    for (String failure : failures) {
      out.add(failure + " — the figures of that suite are missing or partial.");
      out.add("");
    }
    out.addAll(body);
    Files.write(file, out, StandardCharsets.UTF_8);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux: leave the model out.
    }
    return System.getProperty("os.arch");
  }

  private static void progress(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }
}
