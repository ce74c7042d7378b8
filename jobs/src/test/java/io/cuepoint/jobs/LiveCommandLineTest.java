package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** `run` and `record` refuse bad settings and arguments with one line and exit code 2. */
class LiveCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cuepoint.run(
        Arrays.asList(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errorLine() {
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).as("stderr: %s", text).hasSize(1);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    return text.trim();
  }

  @Test
  void runWithAMalformedArn() {
    assertThat(run("run", "--set", "Streams.detections=arn:aws:kinesis:us-east-1:42:stream/d")).isEqualTo(2);
    assertThat(errorLine())
        .isEqualTo("cuepoint: Streams.detections: 'arn:aws:kinesis:us-east-1:42:stream/d' is not a Kinesis stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
  }

  @Test
  void runWithoutStreams() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(errorLine()).startsWith("cuepoint: Streams: run needs at least one input stream");
  }

  @Test
  void recordWithABadTime() {
    assertThat(run("record", "--stream", "detections", "--from", "noon", "--to", "2026-05-30T20:00:00Z", "--out", "x.jsonl"))
        .isEqualTo(2);
    assertThat(errorLine()).startsWith("cuepoint: record: --from 'noon' is not a time");
  }

  @Test
  void usageNamesTheLiveCommands() {
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("run [--config FILE]").contains("record --stream");
  }
}
