package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs the command line in this JVM and keeps what it printed. */
final class CommandLineRun {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Cuepoint.run(
        Arrays.asList(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Standard error, which must be exactly one line and no stack trace. */
  String errorLine() {
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).as("stderr: %s", text).hasSize(1);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    return text.trim();
  }
}
