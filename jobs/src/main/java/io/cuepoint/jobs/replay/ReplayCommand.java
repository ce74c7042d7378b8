package io.cuepoint.jobs.replay;

import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.jobs.report.ReplayReport;
import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code replay --input DIR --output DIR [--config FILE] [--set Group.key=value]...}: runs the job
 * and writes the report; {@code replay --report-only DIR [--input DIR]} rebuilds the report of an
 * earlier replay.
 */
public final class ReplayCommand {
  public static final String USAGE =
      "replay --input DIR --output DIR [--config FILE] [--set Group.key=value]...\n"
          + "  replay --report-only DIR [--input DIR]";

  private ReplayCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a =
        Arguments.parse("replay", args, Set.of("input", "output", "config", "report-only"), Set.of());
    if (a.option("report-only").isPresent()) {
      return reportOnly(a, out);
    }
    Path input = a.existingDirectory("input");
    Path output = Path.of(a.required("output"));
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UsageException("replay: --output " + output + " is a file, not a folder");
    }
    boolean anyInput = false;
    for (StreamName s : StreamName.values()) {
      anyInput |= s.isInput() && Files.isRegularFile(input.resolve(s.fileName()));
    }
    if (!anyInput) {
      throw new UsageException(
          "replay: --input "
              + input
              + " holds none of segments.jsonl, detections.jsonl, match-events.jsonl,"
              + " viewer-events.jsonl");
    }
    CuepointConfig config =
        CuepointConfig.of(
            a.option("config")
                .map(file -> PropertyGroups.read(Path.of(file)))
                .orElse(Collections.emptyMap()),
            a.overrides());
    Files.createDirectories(output);
    System.setProperty("cuepoint.log.file", output.resolve("cuepoint.log").toString());

    err.println("replay: " + input + " -> " + output + " (log: " + output.resolve("cuepoint.log") + ")");
    ReplaySummary summary = ReplayRunner.run(input, output, config, err, System.console() != null);
    out.print(summary.describe());
    out.println(writeReport(output, input));
    return 0;
  }

  private static int reportOnly(Arguments a, PrintStream out) throws Exception {
    if (a.option("output").isPresent() || a.option("config").isPresent() || !a.overrides().isEmpty()) {
      throw new UsageException("replay: --report-only takes only --input (the recording), no job options");
    }
    Path output = a.existingDirectory("report-only");
    boolean anyOutput = false;
    for (StreamName s : StreamName.values()) {
      anyOutput |= !s.isInput() && Files.isRegularFile(output.resolve(s.fileName()));
    }
    if (!anyOutput) {
      throw new UsageException(
          "replay: --report-only " + output + " holds no replay outputs (media-context.jsonl, ...)");
    }
    Path input = a.option("input").isPresent() ? a.existingDirectory("input") : null;
    out.println(writeReport(output, input));
    return 0;
  }

  /** Writes the report and says where it is, how large, and how long it took. */
  private static String writeReport(Path output, Path input) throws IOException {
    long started = System.nanoTime();
    Path report = ReplayReport.write(output, input);
    return String.format(
        "report: %s (%,d KB, written in %.1f s)",
        report, (Files.size(report) + 1023) / 1024, (System.nanoTime() - started) / 1e9);
  }
}
