package io.cuepoint.jobs.replay;

import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.schemas.StreamName;
import java.io.PrintStream;
import java.util.Map;

/**
 * Shows how far a replay has read its inputs: a bar with an ETA redrawn in place on a terminal,
 * a plain line every few seconds otherwise (logs, CI).
 */
final class Progress {
  private static final long PLAIN_EVERY_MS = 5000;
  private static final int BAR_WIDTH = 30;

  private final Map<StreamName, Long> totals;
  private final PrintStream err;
  private final boolean terminal;
  private final long startedAt;
  private long lastPlainLine;

  Progress(Map<StreamName, Long> totals, PrintStream err, boolean terminal, long now) {
    this.totals = totals;
    this.err = err;
    this.terminal = terminal;
    this.startedAt = now;
    this.lastPlainLine = now;
  }

  void update(Map<String, Object> accumulators, long now) {
    long total = 0;
    long read = 0;
    StringBuilder perInput = new StringBuilder();
    for (Map.Entry<StreamName, Long> e : totals.entrySet()) {
      Object value = accumulators.get(ParseRecords.readAccumulator(e.getKey().id()));
      long n = value instanceof Number ? ((Number) value).longValue() : 0L;
      total += e.getValue();
      read += n;
      perInput.append(String.format(" %s %,d/%,d", e.getKey().id(), n, e.getValue()));
    }
    double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) read / total);
    if (terminal) {
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
      err.print(
          String.format(
              "\r[%s] %3.0f%% %,d/%,d records  ETA %s ", bar, fraction * 100, read, total, eta(fraction, now)));
      err.flush();
    } else if (now - lastPlainLine >= PLAIN_EVERY_MS) {
      lastPlainLine = now;
      err.println(String.format("replay: %.0f%% read,%s", fraction * 100, perInput));
    }
  }

  void finish() {
    if (terminal) {
      err.println();
    }
  }

  private String eta(double fraction, long now) {
    long elapsed = now - startedAt;
    if (fraction <= 0.01 || elapsed < 1000) {
      return "--:--";
    }
    long remaining = (long) (elapsed * (1 - fraction) / fraction) / 1000;
    return String.format("%d:%02d", remaining / 60, remaining % 60);
  }
}
