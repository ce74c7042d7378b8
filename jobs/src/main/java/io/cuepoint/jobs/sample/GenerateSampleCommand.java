package io.cuepoint.jobs.sample;

import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code generate-sample --out DIR [--seed N] [--scale X]} */
public final class GenerateSampleCommand {
  public static final String USAGE = "generate-sample --out DIR [--seed N] [--scale X]";
  public static final long DEFAULT_SEED = 20260530L;

  private GenerateSampleCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a = Arguments.parse("generate-sample", args, Set.of("out", "seed", "scale"), Set.of());
    Path dir = Path.of(a.required("out"));
    long seed = a.longOption("seed", DEFAULT_SEED);
    double scale = a.doubleOption("scale", 1.0);
    if (!(scale > 0 && scale <= 1000)) {
      throw new UsageException("generate-sample: --scale must be more than 0 and at most 1000");
    }
    out.println(SampleGenerator.generate(dir, seed, scale));
    return 0;
  }
}
