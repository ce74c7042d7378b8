package io.cuepoint.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checkpointed state size after 1 h and 2 h of a simulated event, per state backend, as report lines. */
final class StateSizeSuite {
  private static final long TWO_HOURS_MS = 2 * 3600 * 1000L;
  private static final int MEDIA = 1_000;
  private static final int EVENTS = Integer.getInteger("bench.state.events", 120_000);

  private StateSizeSuite() {}

  /**
   * Appends the figures of every backend that completed to {@code report}; then, if a backend
   * failed, throws its failure, so the figures of the others are not lost with it.
   */
  static void run(List<String> report) throws Exception {
    progress("state size: generating %,d events of a 2-hour event over %,d media", EVENTS, MEDIA);
    BenchInput input = BenchInput.generate(EVENTS, MEDIA, TWO_HOURS_MS, 23);
    List<StateSizeRun> runs = new ArrayList<>();
    Exception failure = null;
    for (StateSizeRun.Backend backend : backends()) {
      progress("state size: %s", backend.label);
      try {
        StateSizeRun r = StateSizeRun.measure(backend, input, 2);
        progress("  1 h: %s, 2 h: %s in %.1f s", mb(r.phases.get(0).stateBytes), mb(r.phases.get(1).stateBytes),
            r.seconds);
        runs.add(r);
      } catch (Exception e) {
        progress("  failed: %s", e);
        if (failure == null) {
          failure = new IllegalStateException(backend.label + ": " + e.getMessage(), e);
        }
      }
    }
    if (!runs.isEmpty()) {
      report.addAll(table(input, runs));
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The backends named in {@code bench.state.backends} (heap, rocksdb-full, rocksdb-incremental), or all. */
  private static List<StateSizeRun.Backend> backends() {
    String names = System.getProperty("bench.state.backends", "");
    List<StateSizeRun.Backend> chosen = new ArrayList<>();
    for (StateSizeRun.Backend b : StateSizeRun.Backend.values()) {
      if (names.isBlank() || Arrays.asList(names.split(",")).contains(b.property)) {
        chosen.add(b);
      }
    }
    return chosen;
  }

  private static List<String> table(BenchInput input, List<StateSizeRun> runs) {
    List<String> report = new ArrayList<>();
    report.add("## State size after a simulated 2-hour event (full path, parallelism 2)");
    report.add("");
    long viewers = input.records.get(io.cuepoint.schemas.StreamName.VIEWER_EVENTS).length;
    report.add(String.format(
        "%,d events over 2 h of event time, played as fast as the job goes: %,d media, viewers drawn from"
            + " 50,000, the throughput suite's mix (60%% detections, 5%% match events, 35%% viewer events:"
            + " %.1f detections per media per minute, %,d viewer events). The sources stop at 1 h and 2 h"
            + " of event time and the bench triggers a checkpoint through the MiniCluster's REST API"
            + " (`POST /jobs/:id/checkpoints`), so each checkpoint holds exactly the state at that point."
            + " State size: the checkpoint's full state; written: what that checkpoint uploaded (less"
            + " than the full state only with incremental checkpoints).",
        input.total(), MEDIA, EVENTS * 0.60 / MEDIA / 120.0, viewers));
    report.add("");
    report.add("| backend | state at 1 h | written at 1 h | state at 2 h | written at 2 h | run seconds |");
    report.add("|---|---:|---:|---:|---:|---:|");
    for (StateSizeRun r : runs) {
      CheckpointRest.Sizes one = r.phases.get(0);
      CheckpointRest.Sizes two = r.phases.get(1);
      report.add(String.format("| %s | %s | %s | %s | %s | %.1f |", r.backend.label, mb(one.stateBytes),
          mb(one.checkpointedBytes), mb(two.stateBytes), mb(two.checkpointedBytes), r.seconds));
    }
    report.add("");
    report.add("State per task (a chain of operators) at 1 h / 2 h:");
    report.add("");
    StringBuilder header = new StringBuilder("| task |");
    StringBuilder rule = new StringBuilder("|---|");
    for (StateSizeRun r : runs) {
      header.append(' ').append(r.backend.label).append(" |");
      rule.append("---:|");
    }
    report.add(header.toString());
    report.add(rule.toString());
    Set<String> tasks = new LinkedHashSet<>();
    for (StateSizeRun r : runs) {
      for (CheckpointRest.Sizes s : r.phases) {
        tasks.addAll(s.byTask.keySet());
      }
    }
    for (String task : tasks) {
      StringBuilder row = new StringBuilder("| ").append(task.replace("|", "\\|")).append(" |");
      for (StateSizeRun r : runs) {
        row.append(' ').append(mb(bytes(r.phases.get(0), task))).append(" / ").append(mb(bytes(r.phases.get(1), task)))
            .append(" |");
      }
      report.add(row.toString());
    }
    report.add("");
    return report;
  }

  private static long bytes(CheckpointRest.Sizes s, String task) {
    long[] b = s.byTask.get(task);
    return b == null ? 0 : b[0];
  }

  static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }

  private static void progress(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }
}
