package io.cuepoint.jobs;

import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.replay.ReplayCommand;
import io.cuepoint.jobs.sample.GenerateSampleCommand;
import java.io.PrintStream;
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
    System.exit(run(Arrays.asList(args), System.out, System.err));
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
        default:
          throw new UsageException(
              "unknown command '" + command + "' (commands: replay, generate-sample, help)");
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
        + "\n      run the job on a recorded event (embedded Flink, no AWS account needed)\n"
        + "  "
        + GenerateSampleCommand.USAGE
        + "\n      write a seeded, synthetic recording of a soccer match\n"
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
