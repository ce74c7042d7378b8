package io.cuepoint.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.connectors.emulators.KinesisEmulator;
import io.cuepoint.schemas.codec.RecordCodec;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar on a standalone Flink cluster (a JobManager and two one-slot TaskManagers,
 * started by {@code flink-conf/cluster/cluster.sh} from Maven Central jars), reading and writing
 * the Kinesis emulator. While records stream in, one TaskManager is killed with SIGKILL and
 * started again; the job must come back from a checkpoint and every input record must be found in
 * the outputs: each detection's unique label in a media-context window (or, if it arrived too far
 * out of order, in a late dead letter), each bad record as a dead letter.
 */
class TaskManagerCrashClusterIT {
  @RegisterExtension static final KinesisEmulator KINESIS = new KinesisEmulator();

  static final int RECORDS_PER_SECOND = 20;
  static final int SECONDS = 40;
  static final Duration TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path dir;

  @Test
  void everyRecordIsAccountedForAfterATaskManagerIsKilled() throws Exception {
    Path jar = Path.of(System.getProperty("cuepoint.jar"));
    assertThat(jar).exists();
    try (StandaloneCluster cluster =
        new StandaloneCluster(
            Path.of(System.getProperty("cuepoint.cluster.script")),
            Path.of(System.getProperty("cuepoint.cluster.dist")),
            freePort(),
            freePort())) {
      cluster.required("assemble");
      long startAt = System.currentTimeMillis();
      cluster.required("start");
      long clusterStartMs = System.currentTimeMillis() - startAt;

      // No arguments on a cluster means `run`; its refusal reaches the submitter, and the
      // JobManager (whose process runs the main method) lives on.
      StandaloneCluster.Outcome refused = cluster.script("submit", jar.toString());
      assertThat(refused.exitCode).isNotZero();
      assertThat(refused.output).contains("run needs at least one input stream");
      assertThat(cluster.get("/overview").path("taskmanagers").asInt()).isEqualTo(2);

      KINESIS.createStream("detections", 2);
      KINESIS.createStream("media-context", 2);
      KINESIS.createStream("dead-letters", 2);
      Path config = dir.resolve("config.json");
      Files.writeString(config, config());
      String job = cluster.required("submit", jar.toString(), "run", "--config", config.toString()).output.lines()
          .reduce((a, b) -> b).orElseThrow();
      // A completed checkpoint means every task runs and reads.
      await("job running", () -> cluster.get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asInt() >= 1);

      String[] media = mediaOnDifferentShards();
      Published published = new Published();
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(media, published));
      await("two more checkpoints", () -> cluster.get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asInt() >= 3);

      int checkpointsBeforeKill = cluster.get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asInt();
      ProcessHandle victim = cluster.process("taskmanager-1");
      long killedAt = System.currentTimeMillis();
      victim.destroyForcibly();
      await("taskmanager-1 gone", () -> !victim.isAlive());
      cluster.required("taskmanager", "1");
      await(
          "job restored from a checkpoint",
          () -> cluster.get("/jobs/" + job + "/checkpoints").path("counts").path("restored").asInt() >= 1
              && cluster.allTasksRunning(job));
      long recoveredAt = System.currentTimeMillis();
      JsonNode restored = cluster.get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
      long failedAt = firstFailure(cluster.get("/jobs/" + job + "/exceptions"));

      producing.join();
      KINESIS.put("detections", List.of(media[0], media[1]), List.of(
          detection(media[0], "sentinel", System.currentTimeMillis() + 600_000),
          detection(media[1], "sentinel", System.currentTimeMillis() + 600_000)));

      Set<String> missing = new HashSet<>();
      long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
      do {
        missing = unaccounted(published);
      } while (!missing.isEmpty() && System.currentTimeMillis() < deadline && pause(2_000));

      List<String> contexts = KINESIS.readAll("media-context");
      long distinctContexts = contexts.stream().map(c -> c.replaceAll(".*\"id\":\"([^\"]*)\".*", "$1")).distinct().count();
      List<String> deadLetters = KINESIS.readAll("dead-letters");
      long late = deadLetters.stream().filter(d -> d.contains("\"error\":\"late: ")).count();
      long distinctDeadLetters = deadLetters.stream().map(d -> d.replaceAll(".*\"id\":\"([^\"]*)\".*", "$1")).distinct().count();
      String figures =
          String.format(
              "cluster start (JobManager + 2 TaskManagers): %.1f s%n"
                  + "records published: %d good detections, %d bad records, over %d s%n"
                  + "TaskManager killed (SIGKILL) after %d completed checkpoints; restarted at once%n"
                  + "recovery: %.1f s from the kill until every task ran again (failure noticed after %.1f s,"
                  + " checkpoint %d restored after %.1f s; savepoint: %s)%n"
                  + "outputs: %d media-context records (%d distinct ids), %d dead letters (%d distinct ids, %d late);"
                  + " the difference is the at-least-once repeats%n"
                  + "unaccounted input records: %d%n",
              clusterStartMs / 1000.0,
              published.good.size(),
              published.bad.size(),
              SECONDS,
              checkpointsBeforeKill,
              (recoveredAt - killedAt) / 1000.0,
              (failedAt - killedAt) / 1000.0,
              restored.path("id").asLong(),
              (restored.path("restore_timestamp").asLong() - killedAt) / 1000.0,
              restored.path("is_savepoint").asText(),
              contexts.size(),
              distinctContexts,
              deadLetters.size(),
              distinctDeadLetters,
              late,
              missing.size());
      System.out.print(figures);
      Files.writeString(cluster.dist().resolve("crash-test-figures.txt"), figures);
      // What the job wrote, for a look when something is missing.
      Files.write(cluster.dist().resolve("crash-test-media-context.jsonl"), contexts);
      Files.write(cluster.dist().resolve("crash-test-dead-letters.jsonl"), deadLetters);
      Files.write(cluster.dist().resolve("crash-test-published.jsonl"), published.goodText);

      assertThat(restored.path("id").asLong()).as("restored checkpoint").isPositive();
      assertThat(restored.path("is_savepoint").asBoolean()).isFalse();
      assertThat(missing).as("input records found in no output").isEmpty();
    }
  }

  /** When the job first failed, from its exception history. */
  private static long firstFailure(JsonNode exceptions) {
    long first = Long.MAX_VALUE;
    for (JsonNode entry : exceptions.path("exceptionHistory").path("entries")) {
      first = Math.min(first, entry.path("timestamp").asLong());
    }
    return first;
  }

  /** Records published so far: good detections by their unique label, bad records by text. */
  static final class Published {
    final List<String> good = new ArrayList<>();
    final List<String> goodText = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
  }

  private static void produce(String[] media, Published published) {
    long start = System.currentTimeMillis();
    int n = 0;
    for (int second = 0; second < SECONDS; second++) {
      List<String> keys = new ArrayList<>();
      List<String> records = new ArrayList<>();
      for (int i = 0; i < RECORDS_PER_SECOND; i++, n++) {
        String m = media[n % 2];
        keys.add(m);
        if (n % 10 == 9) {
          String bad = "{\"mediaId\":\"" + m + "\",\"broken\":" + n;
          records.add(bad);
          synchronized (published) {
            published.bad.add(bad);
          }
        } else {
          String label = "r-" + n;
          String record = detection(m, label, System.currentTimeMillis());
          records.add(record);
          synchronized (published) {
            published.good.add(label);
            published.goodText.add(record);
          }
        }
      }
      KINESIS.put("detections", keys, records);
      long next = start + (second + 1) * 1000L;
      pause(Math.max(0, next - System.currentTimeMillis()));
    }
  }

  /** Published records found in no output yet. */
  private static Set<String> unaccounted(Published published) {
    Set<String> labels = new HashSet<>();
    for (String context : KINESIS.readAll("media-context")) {
      try {
        for (JsonNode label : RecordCodec.mapper().readTree(context).path("labels")) {
          labels.add(label.path("name").asText());
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("media-context record is not JSON: " + context, e);
      }
    }
    Set<String> raws = new HashSet<>();
    for (String deadLetter : KINESIS.readAll("dead-letters")) {
      try {
        String raw = RecordCodec.mapper().readTree(deadLetter).path("raw").asText();
        raws.add(raw);
        // A detection rejected as late is kept as the job read it (re-encoded): its label names it.
        for (JsonNode item : RecordCodec.mapper().readTree(raw).path("items")) {
          labels.add(item.path("name").asText());
        }
      } catch (java.io.IOException notJson) {
        // The raw text of a record that is not JSON: matched as text below.
      }
    }
    Set<String> missing = new HashSet<>();
    synchronized (published) {
      for (int i = 0; i < published.good.size(); i++) {
        if (!labels.contains(published.good.get(i))) {
          missing.add(published.good.get(i));
        }
      }
      for (String bad : published.bad) {
        if (!raws.contains(bad)) {
          missing.add(bad);
        }
      }
    }
    return missing;
  }

  private String config() {
    StringBuilder streams = new StringBuilder();
    for (String s : List.of("detections", "media-context", "dead-letters")) {
      streams.append(streams.length() == 0 ? "" : ",").append('"').append(s).append("\":\"").append(KINESIS.arn(s).arn()).append('"');
    }
    return "[{\"PropertyGroupId\":\"Streams\",\"PropertyMap\":{" + streams + "}},"
        + "{\"PropertyGroupId\":\"Aws\",\"PropertyMap\":{\"credentials\":\"emulator\"}},"
        + "{\"PropertyGroupId\":\"Kinesis\",\"PropertyMap\":{\"endpoint\":\"" + KINESIS.endpoint()
        + "\",\"start-position\":\"trim-horizon\",\"sink.max-time-in-buffer\":\"500ms\"}},"
        + "{\"PropertyGroupId\":\"Checkpoints\",\"PropertyMap\":{\"interval\":\"2s\",\"min-pause\":\"500ms\",\"state-backend\":\"rocksdb\"}},"
        + "{\"PropertyGroupId\":\"Job\",\"PropertyMap\":{\"parallelism\":\"2\"}}]";
  }

  private static String detection(String media, String label, long eventTime) {
    return "{\"mediaId\":\"" + media + "\",\"positionMs\":" + (eventTime % 100_000_000L) + ",\"eventTime\":" + eventTime
        + ",\"source\":\"crash-test\",\"items\":[{\"kind\":\"LABEL\",\"name\":\"" + label + "\",\"confidence\":90}]}";
  }

  /** Two media ids whose partition keys hash into different halves, i.e. different shards of two. */
  private static String[] mediaOnDifferentShards() throws Exception {
    BigInteger half = BigInteger.ONE.shiftLeft(127);
    String low = null;
    String high = null;
    for (int i = 0; low == null || high == null; i++) {
      String id = "media-" + i;
      BigInteger hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8)));
      if (hash.compareTo(half) < 0 && low == null) {
        low = id;
      } else if (hash.compareTo(half) >= 0 && high == null) {
        high = id;
      }
    }
    return new String[] {low, high};
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
    while (!safely(condition)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      pause(200);
    }
  }

  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static boolean pause(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
