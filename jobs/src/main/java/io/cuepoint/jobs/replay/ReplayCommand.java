package io.cuepoint.jobs.replay;

import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.schemas.StreamName;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** {@code replay --input DIR --output DIR [--config FILE] [--set Group.key=value]...} */
public final class ReplayCommand {
  public static final String USAGE =
      "replay --input DIR --output DIR [--config FILE] [--set Group.key=value]...";

  private ReplayCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a = Arguments.parse("replay", args, Set.of("input", "output", "config"), Set.of());
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
    return 0;
  }
}
