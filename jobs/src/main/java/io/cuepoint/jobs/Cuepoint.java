package io.cuepoint.jobs;

import io.cuepoint.jobs.catalog.IndexCatalogCommand;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.hls.HlsToKinesisCommand;
import io.cuepoint.jobs.record.RecordCommand;
import io.cuepoint.jobs.replay.ReplayCommand;
import io.cuepoint.jobs.run.RunCommand;
import io.cuepoint.jobs.sample.GenerateSampleCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code java -jar cuepoint.jar COMMAND [OPTIONS]}. A wrong argument or setting
 * is one line on standard error and exit code 2; a failed job is one line and exit code 1.
 */
public final class Cuepoint {
  private static final String LOG_CONFIG = "cuepoint/flink-conf/log4j2-local.properties";

  private Cuepoint() {}

  public static void main(String[] args) {
    // Before anything touches a logger: local runs log to a file, not over the progress display.
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    // Submitted to a cluster or Managed Flink, no arguments means `run`, and the process is the
    // cluster's: a failure is reported to the submitter by an exception, never by exiting.
    boolean deployed = RunCommand.isDeployed();
    if (!deployed) {
      System.exit(run(Arrays.asList(args), System.out, System.err));
    }
    List<String> arguments = args.length == 0 ? List.of("run") : Arrays.asList(args);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = run(arguments, System.out, new PrintStream(errors, true, StandardCharsets.UTF_8));
    String message = errors.toString(StandardCharsets.UTF_8).trim();
    System.err.println(message);
    if (code != 0) {
      throw new IllegalStateException(message);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      out.print(usage());
      return args.isEmpty() ? 2 : 0;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "replay":
          return ReplayCommand.run(rest, out, err);
        case "generate-sample":
          return GenerateSampleCommand.run(rest, out, err);
        case "run":
          return RunCommand.run(rest, out, err);
        case "record":
          return RecordCommand.run(rest, out, err);
        case "hls-to-kinesis":
          return HlsToKinesisCommand.run(rest, out, err);
        case "index-catalog":
          return IndexCatalogCommand.run(rest, out, err);
        default:
          throw new UsageException(
              "unknown command '"
                  + command
                  + "' (commands: replay, run, record, hls-to-kinesis, generate-sample,"
                  + " index-catalog, help)");
      }
    } catch (UsageException | ConfigException e) {
      err.println("cuepoint: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("cuepoint: " + command + " failed: " + rootCause(e));
      return 1;
    }
  }

  static String usage() {
    return "usage: java -jar cuepoint.jar COMMAND [OPTIONS]\n"
        + "\n"
        + "  "
        + ReplayCommand.USAGE
        + "\n      run the job on a recorded event (embedded Flink, no AWS account needed) and write"
        + " report.html;\n      --report-only rebuilds the report of an earlier replay's outputs\n"
        + "  "
        + RunCommand.USAGE
        + "\n      run the job on Kinesis streams (the main class with no arguments on a Flink"
        + " cluster\n      or Managed Flink does this)\n"
        + "  "
        + RecordCommand.USAGE
        + "\n      copy a Kinesis stream's records between two times into a .jsonl file that"
        + " replay reads\n"
        + "  "
        + HlsToKinesisCommand.USAGE
        + "\n      follow an HLS playlist (live or VOD) and publish each new segment once to a"
        + " Kinesis stream\n"
        + "  "
        + GenerateSampleCommand.USAGE
        + "\n      write a seeded, synthetic recording of a soccer match\n"
        + "  "
        + IndexCatalogCommand.USAGE
        + "\n      embed the catalog's product images into the index the job matches frames"
        + " against\n"
        + "  help\n      show this text\n";
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.split("\n")[0]);
  }
}
