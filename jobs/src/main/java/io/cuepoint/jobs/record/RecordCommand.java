package io.cuepoint.jobs.record;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.kinesis.StreamArn;
import io.cuepoint.connectors.kinesis.StreamRecorder;
import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.run.LiveConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code record --stream NAME --from TIME --to TIME --out FILE}: copies what a Kinesis stream
 * received in a time span into a {@code .jsonl} file that {@code replay} reads. Region, endpoint
 * and credentials come from the same settings as {@code run} ({@code Aws.*}, {@code
 * Kinesis.endpoint}).
 */
public final class RecordCommand {
  public static final String USAGE =
      "record --stream NAME|ARN --from TIME --to TIME --out FILE [--config FILE] [--set Group.key=value]...";

  private RecordCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a =
        Arguments.parse("record", args, Set.of("stream", "from", "to", "out", "config"), Set.of());
    String stream = a.required("stream");
    Instant from = time(a, "from");
    Instant to = time(a, "to");
    if (!from.isBefore(to)) {
      throw new UsageException("record: --from " + from + " is not before --to " + to);
    }
    Path file = Path.of(a.required("out"));
    CuepointConfig config =
        CuepointConfig.of(
            a.option("config").map(f -> PropertyGroups.read(Path.of(f))).orElse(Collections.emptyMap()),
            a.overrides());
    AwsAccess access = access(stream, config, System.getenv());

    err.println("record: " + stream + " from " + from + " to " + to + " -> " + file);
    try (KinesisClient client = access.configure(KinesisClient.builder()).build()) {
      StreamRecorder.Result result = new StreamRecorder(client, stream).record(from, to, file);
      out.printf("record: %,d records from %d shards written to %s%n", result.records, result.shards, file);
    }
    return 0;
  }

  static AwsAccess access(String stream, CuepointConfig config, Map<String, String> environment) {
    if (StreamArn.looksLikeArn(stream)) {
      StreamArn arn;
      try {
        arn = StreamArn.parse(stream);
      } catch (IllegalArgumentException e) {
        throw new UsageException("record: --stream " + e.getMessage());
      }
      return LiveConfig.kinesisAccess(config, arn.region());
    }
    if (!StreamArn.isStreamName(stream)) {
      throw new UsageException("record: --stream '" + stream + "' is neither a stream name nor a stream ARN");
    }
    String region = config.get(Settings.AWS_REGION);
    if (region.equals("auto")) {
      region = environment.getOrDefault("AWS_REGION", "").trim();
    }
    if (region.isEmpty()) {
      throw new ConfigException(
          Settings.AWS_REGION.id() + ": auto, but AWS_REGION is not set; record --stream " + stream + " needs a region (or give the stream's ARN)");
    }
    return LiveConfig.kinesisAccess(config, region);
  }

  private static Instant time(Arguments a, String name) {
    String text = a.required(name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notIso) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(text));
      } catch (NumberFormatException notMillis) {
        throw new UsageException(
            "record: --" + name + " '" + text + "' is not a time (ISO-8601 like 2026-05-30T19:00:00Z, or epoch milliseconds)");
      }
    }
  }
}
