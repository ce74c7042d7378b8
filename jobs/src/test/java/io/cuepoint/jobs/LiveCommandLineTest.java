package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `run` and `record` refuse bad settings and arguments with one line and exit code 2. */
class LiveCommandLineTest {
  private final CommandLineRun cli = new CommandLineRun();

  @Test
  void runWithAMalformedArn() {
    assertThat(cli.run("run", "--set", "Streams.detections=arn:aws:kinesis:us-east-1:42:stream/d")).isEqualTo(2);
    assertThat(cli.errorLine())
        .isEqualTo("cuepoint: Streams.detections: 'arn:aws:kinesis:us-east-1:42:stream/d' is not a Kinesis stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
  }

  @Test
  void runWithoutStreams() {
    assertThat(cli.run("run")).isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: Streams: run needs at least one input stream");
  }

  @Test
  void recordWithABadTime() {
    assertThat(cli.run("record", "--stream", "detections", "--from", "noon", "--to", "2026-05-30T20:00:00Z", "--out", "x.jsonl"))
        .isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: record: --from 'noon' is not a time");
  }

  @Test
  void usageNamesTheLiveCommands() {
    assertThat(cli.run("help")).isZero();
    assertThat(cli.stdout()).contains("run [--config FILE]").contains("record --stream");
  }
}
