package io.cuepoint.jobs.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.emulators.KinesisEmulator;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.jobs.replay.ReplaySummary;
import io.cuepoint.schemas.StreamName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `record` copies a time span of a stream on the Kinesis emulator into a file replay reads. */
class RecordCommandTest {
  @RegisterExtension static final KinesisEmulator KINESIS = new KinesisEmulator();

  static final long T0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();

  @TempDir Path dir;

  @Test
  void recordsExactlyTheSpanInArrivalOrderAcrossShards() throws Exception {
    KINESIS.createStream("live-detections", 3);
    List<String> before = detections(0, 5);
    List<String> during = detections(5, 40);
    List<String> after = detections(40, 45);
    during.add(7, "not json, kept so that replay rejects it as the live job did");
    during.set(9, during.get(9).replace(",\"positionMs\"", ",\n  \"positionMs\""));

    publish(before);
    Instant from = pauseAndMark();
    for (String record : during) {
      publish(List.of(record));
    }
    Instant to = pauseAndMark();
    publish(after);

    Path out = dir.resolve("recording").resolve(StreamName.DETECTIONS.fileName());
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code =
        RecordCommand.run(
            List.of(
                "--stream", KINESIS.arn("live-detections").arn(),
                "--from", from.toString(), "--to", Long.toString(to.toEpochMilli()),
                "--out", out.toString(),
                "--set", "Aws.credentials=emulator", "--set", "Kinesis.endpoint=" + KINESIS.endpoint()),
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    List<String> expected = new ArrayList<>(during);
    expected.set(9, during.get(9).replace('\n', ' '));
    assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected);
    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("36 records from 3 shards");

    ReplaySummary replay = ReplayRunner.run(out.getParent(), dir.resolve("replayed"), CuepointConfig.of(Collections.emptyMap(), Collections.emptyMap()), null, false);
    assertThat(replay.read(StreamName.DETECTIONS)).isEqualTo(36);
    assertThat(replay.rejected(StreamName.DETECTIONS)).isEqualTo(1);
    assertThat(replay.late(StreamName.DETECTIONS)).isZero();
  }

  /** Detections of three media (so three partition keys, spread over the shards), in time order. */
  private static List<String> detections(int from, int to) {
    List<String> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(
          "{\"mediaId\":\"m-" + (i % 3) + "\",\"positionMs\":" + (i * 1000) + ",\"eventTime\":" + (T0 + i * 1000)
              + ",\"source\":\"test\",\"items\":[{\"kind\":\"LABEL\",\"name\":\"Soccer\",\"confidence\":90}]}");
    }
    return records;
  }

  private static void publish(List<String> records) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (String r : records) {
      keys.add(r.startsWith("{\"mediaId\":\"m-") ? r.substring(12, 15) : "other");
    }
    KINESIS.put("live-detections", keys, records);
    // Arrival times are kept to the millisecond: one per record keeps the order unambiguous.
    Thread.sleep(2);
  }

  private static Instant pauseAndMark() throws InterruptedException {
    Thread.sleep(50);
    Instant mark = Instant.now();
    Thread.sleep(50);
    return mark;
  }
}
