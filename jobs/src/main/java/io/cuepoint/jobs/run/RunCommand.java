package io.cuepoint.jobs.run;

import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code run [--config FILE] [--set Group.key=value]...}: the live job on Kinesis. Submitted to a
 * Flink cluster (or Managed Flink) it is handed to that cluster; with {@code java -jar} it runs on
 * an embedded Flink until stopped. Settings: Managed Flink's property groups when there, then the
 * {@code --config} file's, then {@code --set} overrides.
 */
public final class RunCommand {
  public static final String USAGE = "run [--config FILE] [--set Group.key=value]...";

  private RunCommand() {}

  /**
   * Whether this process was started by a Flink cluster or Managed Flink rather than from a
   * terminal: there, the main class with no arguments means {@code run}, and it must not exit the
   * process (which would be the cluster's).
   */
  public static boolean isDeployed() {
    return ManagedFlink.detected()
        || !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a = Arguments.parse("run", args, Set.of("config"), Set.of());
    boolean managed = ManagedFlink.detected();
    Map<String, Properties> groups = new LinkedHashMap<>();
    if (managed) {
      groups.putAll(ManagedFlink.properties());
    }
    a.option("config").ifPresent(file -> merge(groups, PropertyGroups.read(Path.of(file))));
    CuepointConfig config = CuepointConfig.of(groups, a.overrides());
    LiveConfig live = LiveConfig.forRun(config, System.getenv());

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    LiveJob.build(env, config, live, !managed);
    err.println(
        "run: reading " + live.inputs.keySet() + ", writing " + live.outputs.keySet()
            + (live.table == null ? "" : " and table " + live.table.tableName));
    env.execute("cuepoint");
    return 0;
  }

  private static void merge(Map<String, Properties> groups, Map<String, Properties> more) {
    more.forEach((group, properties) -> groups.computeIfAbsent(group, g -> new Properties()).putAll(properties));
  }
}
