package io.cuepoint.bench;

import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Plays a generated event through the full job with one state backend, and checkpoints it at the
 * end of each phase (with two phases of a two-hour event: at 1 h and at 2 h of event time).
 */
final class StateSizeRun {
  /** A state backend as configured. */
  enum Backend {
    HEAP("heap (HashMapStateBackend)", "heap", "hashmap", false),
    ROCKSDB_FULL("RocksDB, full checkpoints", "rocksdb-full", "rocksdb", false),
    ROCKSDB_INCREMENTAL("RocksDB, incremental checkpoints", "rocksdb-incremental", "rocksdb", true);

    final String label;
    /** How {@code bench.state.backends} names it. */
    final String property;
    final String type;
    final boolean incremental;

    Backend(String label, String property, String type, boolean incremental) {
      this.label = label;
      this.property = property;
      this.type = type;
      this.incremental = incremental;
    }
  }

  private static final long CHECKPOINT_TIMEOUT_MS = 120_000;
  /** How long the sources may emit nothing before the bench gives up on a phase. */
  private static final long STALL_MS = 60_000;
  private static final Path WORK_ROOT =
      Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));

  final Backend backend;
  final List<CheckpointRest.Sizes> phases;
  final double seconds;

  private StateSizeRun(Backend backend, List<CheckpointRest.Sizes> phases, double seconds) {
    this.backend = backend;
    this.phases = phases;
    this.seconds = seconds;
  }

  static StateSizeRun measure(Backend backend, BenchInput input, int phases) throws Exception {
    String run = UUID.randomUUID().toString();
    Path checkpoints = Files.createTempDirectory(WORK_ROOT, "cuepoint-bench-checkpoints");
    int port = freePort();
    Configuration conf = JobRunner.flinkConfiguration("100ms");
    conf.setString("state.backend.type", backend.type);
    conf.setString("execution.checkpointing.incremental", String.valueOf(backend.incremental));
    conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
    // The bench measures state, not the disk: on a disk shared with other builds RocksDB's flushes
    // and compactions wait on I/O for minutes, so its files and the checkpoints go to a tmpfs if any.
    Path rocksDir = Files.createTempDirectory(WORK_ROOT, "cuepoint-bench-rocksdb");
    conf.setString("state.backend.rocksdb.localdir", rocksDir.toString());
    // RocksDB's memtables come out of managed memory, shared by every state of a slot: with the
    // throughput suites' 256 MB they flush and compact all the time, and that sets the pace.
    conf.setString("taskmanager.memory.managed.size", "1gb");
    // Checkpoints only when the bench asks for one, at the end of a phase.
    conf.setString("execution.checkpointing.interval", "1h");
    conf.setString("rest.bind-address", "127.0.0.1");
    conf.setString("rest.address", "127.0.0.1");
    conf.setString("rest.bind-port", String.valueOf(port));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(JobRunner.PARALLELISM, conf);
    PhaseGate gate = PhaseGate.open(run);
    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    for (Map.Entry<StreamName, String[]> e : input.records.entrySet()) {
      String id = e.getKey().id();
      inputs.put(
          e.getKey(),
          env.addSource(new PhasedSource(run, id, e.getValue(), phases), "phased " + id, Types.STRING)
              .uid("source-" + id));
    }
    CuepointTopology.build(
        env,
        inputs,
        (stream, json) -> json.sinkTo(new DiscardingSink<>()).uid("discard-" + stream.id()),
        SampleSetup.config(Map.of()));
    Set<String> sources = new TreeSet<>();
    for (StreamName stream : input.records.keySet()) {
      for (int subtask = 0; subtask < JobRunner.PARALLELISM; subtask++) {
        sources.add(PhasedSource.name(stream.id(), subtask));
      }
    }
    long started = System.nanoTime();
    JobClient job = env.executeAsync("state size, " + backend.label);
    List<CheckpointRest.Sizes> sizes = new ArrayList<>();
    try {
      CheckpointRest rest = new CheckpointRest(port, job.getJobID().toHexString());
      for (int phase = 1; phase <= phases; phase++) {
        gate.awaitArrivals(phase, sources, STALL_MS);
        sizes.add(rest.checkpoint(CHECKPOINT_TIMEOUT_MS));
        gate.release(phase);
      }
    } finally {
      job.cancel().get();
      PhaseGate.close(run);
      PhasedSource.clear(run);
      deleteTree(checkpoints);
      deleteTree(rocksDir);
    }
    return new StateSizeRun(backend, sizes, (System.nanoTime() - started) / 1e9);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Deletes a folder tree. Cancelled tasks may still be removing their own RocksDB files, so a
   * file that is gone before we get to it is no failure.
   */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
