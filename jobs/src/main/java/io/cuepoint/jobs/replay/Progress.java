package io.cuepoint.jobs.replay;

import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.schemas.StreamName;
import java.io.PrintStream;
import java.util.Map;

/**
 * Shows how far a replay has read its inputs: a bar with an ETA redrawn in place on a terminal,
 * a plain line every few seconds otherwise (logs, CI), and the final state once the job ends.
 */
final class Progress {
  static final long PLAIN_EVERY_MS = 5000;
  static final int BAR_WIDTH = 30;
  /** Below this share read, a rate says too little for an ETA. */
  private static final double MIN_FRACTION_FOR_ETA = 0.01;
  private static final long MIN_MS_FOR_ETA = 1000;

  private final Map<StreamName, Long> totals;
  private final PrintStream err;
  private final boolean terminal;
  private long lastPlainLine;
  /** When records first came in, and how many: the job's start-up is not part of the rate. */
  private long rateFrom = -1;
  private long readAtRateFrom;
  private int lastBarLength;

  Progress(Map<StreamName, Long> totals, PrintStream err, boolean terminal, long now) {
    this.totals = totals;
    this.err = err;
    this.terminal = terminal;
    this.lastPlainLine = now;
  }

  void update(Map<String, Object> accumulators, long now) {
    State state = state(accumulators);
    if (rateFrom < 0 && state.read > 0) {
      rateFrom = now;
      readAtRateFrom = state.read;
    }
    if (terminal) {
      drawBar(state, now);
    } else if (now - lastPlainLine >= PLAIN_EVERY_MS) {
      lastPlainLine = now;
      err.println(plainLine(state));
    }
  }

  /** Shows the final state: the full bar on a terminal, a last line otherwise. */
  void finish(Map<String, Object> accumulators, long now) {
    State state = state(accumulators);
    if (terminal) {
      drawBar(state, now);
      err.println();
    } else {
      err.println(plainLine(state));
    }
    err.flush();
  }

  private void drawBar(State state, long now) {
    int filled = (int) Math.round(state.fraction * BAR_WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    String line =
        String.format(
            "[%s] %3.0f%% %,d/%,d records  ETA %s",
            bar, state.fraction * 100, state.read, state.total, eta(state, now));
    // Spaces wipe what a longer earlier line left behind; \r returns to the line's start.
    String padding = " ".repeat(Math.max(0, lastBarLength - line.length()));
    lastBarLength = line.length();
    err.print("\r" + line + padding);
    err.flush();
  }

  private String plainLine(State state) {
    return String.format("replay: %.0f%% read,%s", state.fraction * 100, state.perInput);
  }

  private String eta(State state, long now) {
    if (state.fraction >= 1.0) {
      return "0:00";
    }
    long elapsed = rateFrom < 0 ? 0 : now - rateFrom;
    long readSince = state.read - readAtRateFrom;
    if (state.fraction < MIN_FRACTION_FOR_ETA || elapsed < MIN_MS_FOR_ETA || readSince <= 0) {
      return "--:--";
    }
    long seconds = (long) Math.ceil((state.total - state.read) * (double) elapsed / readSince / 1000);
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  private State state(Map<String, Object> accumulators) {
    State s = new State();
    StringBuilder perInput = new StringBuilder();
    for (Map.Entry<StreamName, Long> e : totals.entrySet()) {
      Object value = accumulators.get(ParseRecords.readAccumulator(e.getKey().id()));
      long n = value instanceof Number ? ((Number) value).longValue() : 0L;
      s.total += e.getValue();
      s.read += n;
      perInput.append(String.format(" %s %,d/%,d", e.getKey().id(), n, e.getValue()));
    }
    s.fraction = s.total == 0 ? 1.0 : Math.min(1.0, (double) s.read / s.total);
    s.perInput = perInput.toString();
    return s;
  }

  /** Records read of all inputs at one moment. */
  private static final class State {
    long total;
    long read;
    double fraction;
    String perInput;
  }
}
