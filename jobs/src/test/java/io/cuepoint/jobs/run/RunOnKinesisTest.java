package io.cuepoint.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.emulators.DynamoDbEmulator;
import io.cuepoint.connectors.emulators.KinesisEmulator;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on the Kinesis and DynamoDB emulators writes what a replay of the same recording
 * writes: the recording is published to the input streams, the job runs on an embedded Flink, and
 * the output streams and the timeline table are compared with the replay's files, up to order and
 * the at-least-once repeats (removed by each record's stable id).
 */
class RunOnKinesisTest {
  @RegisterExtension static final KinesisEmulator KINESIS = new KinesisEmulator();
  @RegisterExtension static final DynamoDbEmulator DYNAMO = new DynamoDbEmulator();

  static final String TABLE = "cuepoint-timeline";
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void writesWhatAReplayOfTheSameRecordingWrites() throws Exception {
    LiveRecording recording = new LiveRecording();
    Map<String, String> overrides = new HashMap<>();
    for (StreamName stream : StreamName.values()) {
      KINESIS.createStream(stream.id(), stream.isInput() ? 1 : 2);
      overrides.put(LiveConfig.STREAMS.get(stream).id(), KINESIS.arn(stream.id()).arn());
    }
    DYNAMO.createTimelineTable(TABLE);
    overrides.put("Aws.credentials", "emulator");
    overrides.put("Kinesis.endpoint", KINESIS.endpoint());
    overrides.put("Kinesis.start-position", "trim-horizon");
    overrides.put("Kinesis.sink.max-time-in-buffer", "200ms");
    overrides.put("TimelineTable.name", TABLE);
    overrides.put("TimelineTable.endpoint", DYNAMO.endpoint());
    overrides.put("Checkpoints.interval", "1s");
    overrides.put("Job.parallelism", "1");
    CuepointConfig config = CuepointConfig.of(Collections.emptyMap(), overrides);

    Path replayed = dir.resolve("replay");
    ReplayRunner.run(recording.writeTo(dir.resolve("recording")), replayed, config, null, false);
    // What a live job has written once its event time reaches the sentinels.
    Set<String> mediaContext = normalized(Files.readAllLines(replayed.resolve("media-context.jsonl")), beforeSentinel());
    Set<String> eventsOfInterest = normalized(Files.readAllLines(replayed.resolve("events-of-interest.jsonl")), beforeSentinel());
    Set<String> deadLetters = normalized(Files.readAllLines(replayed.resolve("dead-letters.jsonl")), r -> true);
    assertThat(mediaContext).hasSizeGreaterThan(5);
    assertThat(eventsOfInterest).anyMatch(e -> e.contains("GOAL_FLURRY")).anyMatch(e -> e.contains("RED_CARD"));
    for (StreamName input : List.of(StreamName.SEGMENTS, StreamName.DETECTIONS, StreamName.MATCH_EVENTS, StreamName.VIEWER_EVENTS)) {
      assertThat(deadLetters).anyMatch(d -> d.contains("\"input\":\"" + input.id() + "\""));
    }
    assertThat(deadLetters).anyMatch(d -> d.contains("late: "));

    recording.lines.forEach(
        (stream, lines) -> KINESIS.put(stream.id(), Collections.nCopies(lines.size(), LiveRecording.MEDIA), lines));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    LiveJob.build(env, config, LiveConfig.forRun(config, Map.of()), true);
    JobClient job = env.executeAsync("cuepoint on kinesis");
    try {
      long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
      while (System.currentTimeMillis() < deadline
          && !(read(StreamName.MEDIA_CONTEXT).size() >= mediaContext.size()
              && read(StreamName.EVENTS_OF_INTEREST).size() >= eventsOfInterest.size()
              && read(StreamName.DEAD_LETTERS).size() >= deadLetters.size()
              && DYNAMO.scan(TABLE).size() >= mediaContext.size())) {
        Thread.sleep(500);
      }
      assertThat(read(StreamName.MEDIA_CONTEXT)).isEqualTo(mediaContext);
      assertThat(read(StreamName.EVENTS_OF_INTEREST)).isEqualTo(eventsOfInterest);
      assertThat(read(StreamName.DEAD_LETTERS)).isEqualTo(deadLetters);
      List<String> tableContexts = new ArrayList<>();
      DYNAMO.scan(TABLE).forEach(item -> tableContexts.add(item.get("context").s()));
      assertThat(normalized(tableContexts, r -> true)).isEqualTo(mediaContext);
      for (StreamName other : List.of(StreamName.OVERLAYS, StreamName.VIEWER_ACTIONS, StreamName.SHOPPABLE)) {
        Path file = replayed.resolve(other.fileName());
        List<String> replayLines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        assertThat(normalized(replayLines, r -> true)).as(other.id()).containsAll(read(other));
      }
    } finally {
      job.cancel().get();
    }
  }

  private static Set<String> read(StreamName stream) {
    return normalized(KINESIS.readAll(stream.id()), r -> true);
  }

  private static Predicate<JsonNode> beforeSentinel() {
    return r -> r.path("eventTime").asLong() < LiveRecording.SENTINEL_AT;
  }

  /**
   * Records as canonical JSON, each once (at-least-once repeats are the same record), without
   * the processing time at which a dead letter was made.
   */
  static Set<String> normalized(List<String> lines, Predicate<JsonNode> keep) {
    Set<String> records = new TreeSet<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode record = RecordCodec.mapper().readTree(line.getBytes(StandardCharsets.UTF_8));
        if (keep.test(record)) {
          ((ObjectNode) record).remove("receivedAt");
          records.add(RecordCodec.mapper().writeValueAsString(record));
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
    return records;
  }
}
