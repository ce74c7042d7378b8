package io.cuepoint.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.connectors.kinesis.ReaderType;
import io.cuepoint.connectors.kinesis.StartPosition;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.schemas.StreamName;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

/** Live settings: each kind of mistake is one line naming the property, before anything runs. */
class LiveConfigTest {
  static final String DETECTIONS = "arn:aws:kinesis:eu-west-1:123456789012:stream/cuepoint-detections";
  static final String DEAD = "arn:aws:kinesis:eu-west-1:123456789012:stream/cuepoint-dead-letters";

  static Map<String, String> minimal() {
    Map<String, String> m = new HashMap<>();
    m.put("Streams.detections", DETECTIONS);
    m.put("Streams.dead-letters", DEAD);
    return m;
  }

  static LiveConfig forRun(Map<String, String> overrides, Map<String, String> environment) {
    return LiveConfig.forRun(CuepointConfig.of(Collections.emptyMap(), overrides), environment);
  }

  static Map<String, String> with(String key, String value) {
    Map<String, String> m = minimal();
    m.put(key, value);
    return m;
  }

  @Test
  void aMinimalRunReadsByArnInTheArnsRegion() {
    LiveConfig live = forRun(minimal(), Map.of());
    assertThat(live.inputs).containsOnlyKeys(StreamName.DETECTIONS);
    assertThat(live.inputs.get(StreamName.DETECTIONS).region()).isEqualTo("eu-west-1");
    assertThat(live.outputs).containsOnlyKeys(StreamName.DEAD_LETTERS);
    assertThat(live.kinesis.region()).isEqualTo("eu-west-1");
    assertThat(live.source.startPosition).isEqualTo(StartPosition.LATEST);
    assertThat(live.source.reader).isEqualTo(ReaderType.POLLING);
    assertThat(live.table).isNull();
  }

  @Test
  void streamNamesBecomeArnsWithTheAccountAndRegion() {
    Map<String, String> m = new HashMap<>();
    m.put("Streams.match-events", "cuepoint-match-events");
    m.put("Streams.dead-letters", "cuepoint-dead-letters");
    m.put("Aws.account-id", "210987654321");
    m.put("Kinesis.start-position", "at-timestamp");
    m.put("Kinesis.start-timestamp", "2026-05-30T19:00:00Z");
    m.put("Kinesis.reader", "efo");
    m.put("TimelineTable.name", "cuepoint-timeline");
    m.put("TimelineTable.time-to-live", "7d");
    LiveConfig live = forRun(m, Map.of("AWS_REGION", "ap-southeast-2"));
    assertThat(live.inputs.get(StreamName.MATCH_EVENTS).arn())
        .isEqualTo("arn:aws:kinesis:ap-southeast-2:210987654321:stream/cuepoint-match-events");
    assertThat(live.source.startPosition).isEqualTo(StartPosition.AT_TIMESTAMP);
    assertThat(live.source.startTimestampMs).isEqualTo(1_780_167_600_000L);
    assertThat(live.source.reader).isEqualTo(ReaderType.EFO);
    assertThat(live.table.tableName).isEqualTo("cuepoint-timeline");
    assertThat(live.table.timeToLiveMs).isEqualTo(7 * 24 * 3_600_000L);
    assertThat(live.tableAccess.region()).isEqualTo("ap-southeast-2");
  }

  @Test
  void anUnknownKeyIsNamedWithTheClosestKnownOne() {
    assertThatThrownBy(() -> forRun(with("Kinesis.endpiont", "http://127.0.0.1:4567"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown property Kinesis.endpiont (did you mean Kinesis.endpoint?)");
    assertThatThrownBy(() -> forRun(with("Streams.detection", DETECTIONS), Map.of()))
        .hasMessage("unknown property Streams.detection (did you mean Streams.detections?)");
  }

  @Test
  void aMissingRequiredValueIsNamed() {
    Map<String, String> noDeadLetters = minimal();
    noDeadLetters.remove("Streams.dead-letters");
    assertThatThrownBy(() -> forRun(noDeadLetters, Map.of()))
        .hasMessage("Streams.dead-letters: required by run (bad records must go somewhere)");
    Map<String, String> noInput = minimal();
    noInput.remove("Streams.detections");
    assertThatThrownBy(() -> forRun(noInput, Map.of())).hasMessageStartingWith("Streams: run needs at least one input stream");
    assertThatThrownBy(() -> forRun(with("Streams.match-events", "cuepoint-match-events"), Map.of()))
        .hasMessage("Streams.match-events: 'cuepoint-match-events' is a stream name, which needs Aws.account-id (or give the stream's ARN)");
    Map<String, String> nameWithoutRegion = with("Streams.match-events", "cuepoint-match-events");
    nameWithoutRegion.put("Aws.account-id", "123456789012");
    assertThatThrownBy(() -> forRun(nameWithoutRegion, Map.of()))
        .hasMessageStartingWith("Aws.region: auto, but AWS_REGION is not set");
    assertThatThrownBy(() -> forRun(with("Kinesis.start-position", "at-timestamp"), Map.of()))
        .hasMessage("Kinesis.start-timestamp: required with Kinesis.start-position at-timestamp");
  }

  @Test
  void aMalformedArnIsNamedWithTheShapeItShouldHave() {
    assertThatThrownBy(() -> forRun(with("Streams.detections", "arn:aws:kinesis:eu-west-1:1234:stream/x"), Map.of()))
        .hasMessage("Streams.detections: 'arn:aws:kinesis:eu-west-1:1234:stream/x' is not a Kinesis stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
    assertThatThrownBy(() -> forRun(with("Streams.media-context", "arn:aws:sqs:eu-west-1:123456789012:queue"), Map.of()))
        .hasMessageStartingWith("Streams.media-context: 'arn:aws:sqs:eu-west-1:123456789012:queue' is not a Kinesis stream ARN");
    assertThatThrownBy(() -> forRun(with("Streams.shoppable", "my stream!"), Map.of()))
        .hasMessageStartingWith("Streams.shoppable: 'my stream!' is neither a stream name nor a stream ARN");
  }

  @Test
  void aValueOfTheWrongKindOrOutOfRangeIsNamed() {
    assertThatThrownBy(() -> forRun(with("Checkpoints.interval", "often"), Map.of()))
        .hasMessage("Checkpoints.interval: 'often' is not a duration (examples: 500ms, 15s, 10min, 1h)");
    assertThatThrownBy(() -> forRun(with("Kinesis.sink.max-batch-size", "600"), Map.of()))
        .hasMessage("Kinesis.sink.max-batch-size: 600 is outside 1..500");
    assertThatThrownBy(() -> forRun(with("Kinesis.reader", "fast"), Map.of()))
        .hasMessage("Kinesis.reader: 'fast' is not one of polling, efo");
    assertThatThrownBy(() -> forRun(with("Kinesis.endpoint", "localhost:4567"), Map.of()))
        .hasMessage("Kinesis.endpoint: 'localhost:4567' is not an http(s) URL like http://127.0.0.1:4567");
    assertThatThrownBy(() -> forRun(with("Kinesis.start-timestamp", "yesterday"), Map.of()))
        .hasMessageStartingWith("Kinesis.start-timestamp: 'yesterday' is not an ISO-8601 UTC time");
    assertThatThrownBy(() -> forRun(with("Aws.region", "europe"), Map.of()))
        .hasMessage("Aws.region: 'europe' is not an AWS region like us-east-1, nor auto");
  }

  @Test
  void settingsThatContradictEachOtherAreNamed() {
    assertThatThrownBy(() -> forRun(with("Aws.credentials", "emulator"), Map.of()))
        .hasMessage("Kinesis.endpoint: required with Aws.credentials emulator");
    Map<String, String> bufferSmallerThanBatch = with("Kinesis.sink.max-buffered-requests", "100");
    assertThatThrownBy(() -> forRun(bufferSmallerThanBatch, Map.of()))
        .hasMessage("Kinesis.sink.max-buffered-requests: must be more than Kinesis.sink.max-batch-size");
    Map<String, String> tableWithoutEndpoint = with("Aws.credentials", "emulator");
    tableWithoutEndpoint.put("Kinesis.endpoint", "http://127.0.0.1:4567");
    tableWithoutEndpoint.put("TimelineTable.name", "timeline");
    assertThatThrownBy(() -> forRun(tableWithoutEndpoint, Map.of()))
        .hasMessage("TimelineTable.endpoint: required with Aws.credentials emulator and a TimelineTable.name");
  }

  @Test
  void managedFlinkPropertyGroupsAreReadLikeAConfigFile() {
    Properties streams = new Properties();
    streams.setProperty("detections", DETECTIONS);
    streams.setProperty("dead-letters", DEAD);
    Properties checkpoints = new Properties();
    checkpoints.setProperty("interval", "30s");
    checkpoints.setProperty("state-backend", "rocksdb");
    checkpoints.setProperty("mode", "at-least-once");
    CuepointConfig config = CuepointConfig.of(Map.of("Streams", streams, "Checkpoints", checkpoints), Map.of());
    assertThat(LiveConfig.forRun(config, Map.of()).inputs).containsKey(StreamName.DETECTIONS);
    Configuration flink = LiveJob.checkpoints(config);
    assertThat(flink.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).hasSeconds(30);
    assertThat(flink.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(flink.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
  }

  @Test
  void theDockerComposeConfigIsAValidRun() {
    CuepointConfig config =
        CuepointConfig.of(PropertyGroups.read(Path.of("..", "docker", "config.json")), Map.of());
    LiveConfig live = LiveConfig.forRun(config, Map.of());
    assertThat(live.inputs).hasSize(4);
    assertThat(live.outputs).hasSize(6);
    assertThat(live.inputs.get(StreamName.DETECTIONS).arn())
        .isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/cuepoint-detections");
    assertThat(live.table.tableName).isEqualTo("cuepoint-timeline");
  }

  @Test
  void eachOutputKeepsItsRecordsInOrderByTheRightKey() {
    assertThat(LiveOutputs.partitionKeyField(StreamName.MEDIA_CONTEXT)).isEqualTo("mediaId");
    assertThat(LiveOutputs.partitionKeyField(StreamName.EVENTS_OF_INTEREST)).isEqualTo("mediaId");
    assertThat(LiveOutputs.partitionKeyField(StreamName.VIEWER_ACTIONS)).isEqualTo("viewerId");
  }
}
