package io.cuepoint.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The loopback cluster of {@code flink-conf/cluster/cluster.sh}, driven from a test. */
final class StandaloneCluster implements AutoCloseable {
  private final Path script;
  private final Path dist;
  private final int restPort;
  private final int rpcPort;
  private final HttpClient http = HttpClient.newHttpClient();

  /** What one run of the script printed, and how it ended. */
  static final class Outcome {
    final int exitCode;
    final String output;

    Outcome(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  StandaloneCluster(Path script, Path dist, int restPort, int rpcPort) {
    this.script = script;
    this.dist = dist;
    this.restPort = restPort;
    this.rpcPort = rpcPort;
  }

  Path dist() {
    return dist;
  }

  Outcome script(String command, String... args) {
    List<String> line = new ArrayList<>(List.of("bash", script.toString(), command, dist.toString()));
    line.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("cluster-" + command, ".out");
      ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("CUEPOINT_REST_PORT", Integer.toString(restPort));
      builder.environment().put("CUEPOINT_RPC_PORT", Integer.toString(rpcPort));
      Process p = builder.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("cluster.sh " + command + " did not finish");
      }
      String output = Files.readString(log).trim();
      Files.delete(log);
      return new Outcome(p.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Outcome required(String command, String... args) {
    Outcome o = script(command, args);
    if (o.exitCode != 0) {
      throw new IllegalStateException("cluster.sh " + command + " failed (" + o.exitCode + "):\n" + o.output);
    }
    return o;
  }

  /** A process this script started, by its pid file. */
  ProcessHandle process(String name) throws IOException {
    long pid = Long.parseLong(Files.readString(dist.resolve("run").resolve(name + ".pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
  }

  JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return RecordCodec.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether the job runs with every task running (not restarting, not waiting for slots). */
  boolean allTasksRunning(String job) {
    JsonNode j = get("/jobs/" + job);
    if (!"RUNNING".equals(j.path("state").asText())) {
      return false;
    }
    for (JsonNode v : j.path("vertices")) {
      if (!"RUNNING".equals(v.path("status").asText()) && !"FINISHED".equals(v.path("status").asText())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    script("stop");
  }
}
