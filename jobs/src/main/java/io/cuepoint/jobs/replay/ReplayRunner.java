package io.cuepoint.jobs.replay;

import io.cuepoint.connectors.recording.RecordingSink;
import io.cuepoint.connectors.recording.RecordingSource;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the job over a recording folder on an embedded MiniCluster and writes the outputs. */
public final class ReplayRunner {
  private static final long POLL_MS = 500;

  private ReplayRunner() {}

  /**
   * @param progress where progress goes while the job runs, or null for none
   * @param terminal whether {@code progress} is a terminal (bar) or a log (plain lines)
   */
  public static ReplaySummary run(
      Path input, Path output, CuepointConfig config, PrintStream progress, boolean terminal)
      throws Exception {
    Files.createDirectories(output);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(
            config.get(Settings.PARALLELISM), LocalFlink.configuration());

    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    Map<StreamName, Long> totals = new EnumMap<>(StreamName.class);
    for (StreamName stream : StreamName.values()) {
      if (!stream.isInput()) {
        continue;
      }
      Optional<Path> file = RecordingSource.file(input, stream);
      if (file.isPresent()) {
        totals.put(stream, countRecords(file.get()));
        inputs.put(
            stream,
            env.fromSource(
                    RecordingSource.lines(file.get()),
                    WatermarkStrategy.noWatermarks(),
                    "read " + stream.fileName())
                .uid("source-" + stream.id()));
      }
    }
    CuepointTopology.build(
        env, inputs, (stream, json) -> RecordingSink.attach(json, output, stream), config);

    long started = System.currentTimeMillis();
    JobClient job = env.executeAsync("cuepoint replay " + input.getFileName());
    CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
    Progress display =
        progress == null ? null : new Progress(totals, progress, terminal, started);
    while (!result.isDone()) {
      try {
        result.get(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (display != null) {
          accumulators(job).ifPresent(a -> display.update(a, System.currentTimeMillis()));
        }
      }
    }
    JobExecutionResult finished = result.get();
    long wall = System.currentTimeMillis() - started;
    if (display != null) {
      display.finish(finished.getAllAccumulatorResults(), System.currentTimeMillis());
    }
    RecordingSink.createMissingOutputs(output);
    return new ReplaySummary(finished.getAllAccumulatorResults(), wall);
  }

  /**
   * The running job's accumulators, or nothing while the job starts or ends: then the embedded
   * cluster refuses the request (with an IllegalStateException once it is shutting down), and the
   * next poll asks again.
   */
  private static Optional<Map<String, Object>> accumulators(JobClient job) {
    try {
      return Optional.of(job.getAccumulators().get(POLL_MS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException | IllegalStateException notNow) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Non-blank lines: the records a recording holds, for the progress display. */
  static long countRecords(Path file) throws IOException {
    long records = 0;
    boolean content = false;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            if (content) {
              records++;
            }
            content = false;
          } else if (b != ' ' && b != '\t' && b != '\r') {
            content = true;
          }
        }
      }
    }
    return content ? records + 1 : records;
  }
}
