package io.cuepoint.bench;

import java.util.ArrayList;
import java.util.List;

/** The async I/O figures: each AWS operator without and with 10% throttling, as report lines. */
final class AsyncIoSuite {
  static final long DELAY_MS = 50;
  static final int THROTTLE_EVERY = 10;
  private static final int OFFERED = Integer.getInteger("bench.async.rate", 15_000);
  private static final int SECONDS = Integer.getInteger("bench.async.seconds", 5);

  private AsyncIoSuite() {}

  static void run(List<String> out) throws Exception {
    // The Personalize clients use the default credentials chain: fake keys, the server is local.
    System.setProperty("aws.accessKeyId", "bench");
    System.setProperty("aws.secretAccessKey", "bench");
    List<AsyncIoRun> runs = new ArrayList<>();
    try (SlowAwsServer server = new SlowAwsServer(DELAY_MS)) {
      progress("async I/O: warming up");
      warmUp(server, new String[] {"personalize", "ivs"}, OFFERED, SECONDS);
      for (int throttleEvery : new int[] {0, THROTTLE_EVERY}) {
        progress("async I/O: Personalize, throttling every %d", throttleEvery);
        runs.add(AsyncIoRun.personalize(server, throttleEvery, OFFERED, SECONDS));
        progress("  %s", describe(runs.get(runs.size() - 1)));
        progress("async I/O: IVS, throttling every %d", throttleEvery);
        runs.add(AsyncIoRun.ivs(server, throttleEvery, OFFERED, SECONDS));
        progress("  %s", describe(runs.get(runs.size() - 1)));
      }
    }
    List<String> report = new ArrayList<>();
    report.add("## Async I/O: Personalize and IVS against a server answering after " + DELAY_MS + " ms");
    report.add("");
    report.add(String.format(
        "Parallelism 2, real SDK v2 async clients (Netty) through `endpointOverride` to a loopback server"
            + " speaking GetPersonalizedRanking and PutMetadata; input offered at %,d records/s for %d s,"
            + " backpressure slows it to what the operators sustain; every run is first made once unreported, so the JVM has compiled the paths measured. Rate limiters raised far above the load"
            + " (`Personalize.calls-per-second` 100000, `Overlays.ivs.account-calls-per-second` 100000, %,d IVS"
            + " channels at IVS's 5 calls/s each, `Personalize.calls-in-flight` 512); Personalize cache off. Both inputs carry event"
            + " time and watermarks, as in the job (viewer joins through the job's viewer path, overlay decisions"
            + " through `OverlayTopology.send`). Throttled runs: every %d-th call"
            + " answers 429 ThrottlingException. Sustained: mean calls/s received after the first 2 s. CPU ms per"
            + " call: the whole process's (job, SDK clients and the server in the same JVM), the server's"
            + " threads' share apart.",
        OFFERED, SECONDS, AsyncIoRun.CHANNELS, THROTTLE_EVERY));
    report.add("");
    report.add("| operator | throttled | records in | out | lost | duplicated | outcomes | calls (throttled) | seconds | sustained calls/s | CPU ms per call | of which the server | calls/s on 2 idle cores at that CPU |");
    report.add("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < runs.size(); i++) {
      AsyncIoRun r = runs.get(i);
      report.add(String.format("| %s | %s | %,d | %,d | %,d | %,d | %s | %,d (%,d) | %.1f | %,.0f | %.3f | %.3f | %,.0f |",
          r.name, i < 2 ? "none" : "10%", r.tally.in(), r.tally.out(), r.tally.lost(), r.tally.duplicates(),
          r.tally.describe(), r.calls, r.throttled, r.seconds, r.sustainedCallsPerSecond, r.cpuMillisPerCall(),
          r.serverCpuMillisPerCall(), r.cpuMillisPerCall() == 0 ? 0 : 2000 / r.cpuMillisPerCall()));
    }
    report.add("");
    out.addAll(report);
  }

  /**
   * Every run of {@code operators} once, unthrottled and throttled, as long as a measured run and
   * unreported. Two-second warm-ups were not enough: the first measured run still paid for
   * compiling its paths (the compiler threads' CPU counts in the process's, and code not yet
   * compiled runs slower), which showed as 0.9 CPU ms per Personalize call in the first measured
   * run against 0.4 in the next, while IVS, measured after Personalize had compiled the SDK paths
   * both share, hardly paid at all.
   */
  static void warmUp(SlowAwsServer server, String[] operators, int offered, int seconds) throws Exception {
    for (int throttleEvery : new int[] {0, THROTTLE_EVERY}) {
      for (String operator : operators) {
        switch (operator.trim()) {
          case "personalize":
            AsyncIoRun.personalize(server, throttleEvery, offered, seconds);
            break;
          case "ivs":
            AsyncIoRun.ivs(server, throttleEvery, offered, seconds);
            break;
          default:
            throw new IllegalArgumentException("bench.async.operators: personalize or ivs, not " + operator);
        }
      }
    }
  }

  private static String describe(AsyncIoRun r) {
    return String.format(
        "in %,d out %,d lost %,d dup %,d [%s] calls %,d throttled %,d in %.1f s, sustained %,.0f calls/s,"
            + " %.3f CPU ms/call (server %.3f)",
        r.tally.in(), r.tally.out(), r.tally.lost(), r.tally.duplicates(), r.tally.describe(), r.calls, r.throttled,
        r.seconds, r.sustainedCallsPerSecond, r.cpuMillisPerCall(), r.serverCpuMillisPerCall());
  }

  private static void progress(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }
}
