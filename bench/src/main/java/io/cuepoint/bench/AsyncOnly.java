package io.cuepoint.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jdk.jfr.Recording;

/**
 * The async I/O suite's runs alone, for profiling and for measuring one change quickly:
 * {@code -Dbench.async.operators=personalize,ivs}, {@code -Dbench.async.throttle=0,10} (every n-th
 * call throttled, 0 none), {@code -Dbench.async.rate} and {@code -Dbench.async.seconds} choose the
 * runs, {@code -Dbench.rounds} how often each is repeated. With {@code -Dbench.jfr=file} every run
 * after a warm-up is recorded with Flight Recorder (CPU samples every 10 ms) into
 * {@code file-<operator>-<throttle>.jfr}.
 */
public final class AsyncOnly {
  private AsyncOnly() {}

  public static void main(String[] args) throws Exception {
    String[] operators = System.getProperty("bench.async.operators", "personalize,ivs").split(",");
    String[] throttles = System.getProperty("bench.async.throttle", "0").split(",");
    int rate = Integer.getInteger("bench.async.rate", 15_000);
    int seconds = Integer.getInteger("bench.async.seconds", 8);
    int rounds = Integer.getInteger("bench.rounds", 1);
    System.setProperty("aws.accessKeyId", "bench");
    System.setProperty("aws.secretAccessKey", "bench");
    try (SlowAwsServer server = new SlowAwsServer(AsyncIoSuite.DELAY_MS)) {
      AsyncIoSuite.warmUp(server, operators, rate, seconds);
      for (int round = 1; round <= rounds; round++) {
        for (String throttle : throttles) {
          for (String operator : operators) {
            int every = Integer.parseInt(throttle.trim());
            Recording recording = profiling();
            ThreadCpu threads = new ThreadCpu();
            AsyncIoRun r = run(server, operator.trim(), every, rate, seconds);
            Map<String, Double> byThread = threads.secondsByName();
            if (recording != null) {
              recording.dump(Path.of(System.getProperty("bench.jfr") + "-" + operator.trim() + "-" + every + ".jfr"));
              recording.close();
            }
            System.out.printf(
                "%s throttle every %d: in %,d out %,d lost %,d dup %,d [%s] calls %,d (throttled %,d) in %.1f s,"
                    + " sustained %,.0f calls/s, %.3f CPU ms/call (server %.3f; %,.0f calls/s on 2 idle cores)%n",
                r.name, every, r.tally.in(), r.tally.out(), r.tally.lost(), r.tally.duplicates(), r.tally.describe(),
                r.calls, r.throttled, r.seconds, r.sustainedCallsPerSecond, r.cpuMillisPerCall(),
                r.serverCpuMillisPerCall(), r.cpuMillisPerCall() == 0 ? 0 : 2000 / r.cpuMillisPerCall());
            printByThread(byThread, r);
          }
        }
      }
    }
  }

  /** CPU ms per call of each kind of thread using at least 0.005; the rest is the JIT compiler and GC. */
  private static void printByThread(Map<String, Double> byThread, AsyncIoRun r) {
    if (r.calls == 0) {
      return;
    }
    double javaThreads = 0;
    StringBuilder line = new StringBuilder("  CPU ms per call by thread:");
    for (Map.Entry<String, Double> e : byThread.entrySet()) {
      double perCall = e.getValue() * 1000 / r.calls;
      javaThreads += perCall;
      if (perCall >= 0.005) {
        line.append(String.format(" [%s] %.3f", e.getKey(), perCall));
      }
    }
    line.append(String.format("; not Java threads (JIT, GC) %.3f", r.cpuMillisPerCall() - javaThreads));
    System.out.println(line);
  }

  private static AsyncIoRun run(SlowAwsServer server, String operator, int throttleEvery, int rate, int seconds)
      throws Exception {
    switch (operator) {
      case "personalize":
        return AsyncIoRun.personalize(server, throttleEvery, rate, seconds);
      case "ivs":
        return AsyncIoRun.ivs(server, throttleEvery, rate, seconds);
      default:
        throw new IllegalArgumentException("bench.async.operators: personalize or ivs, not " + operator);
    }
  }

  private static Recording profiling() {
    if (System.getProperty("bench.jfr") == null) {
      return null;
    }
    Recording r = new Recording();
    r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
    r.start();
    return r;
  }
}
