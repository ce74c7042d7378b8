package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong command line is one clear line and a non-zero exit, never a stack trace. */
class CommandLineTest {
  @TempDir Path dir;

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
  void noArgumentsPrintsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("replay --input DIR --output DIR");
  }

  @Test
  void unknownCommand() {
    assertThat(run("replya")).isEqualTo(2);
    assertThat(errorLine()).isEqualTo("cuepoint: unknown command 'replya' (commands: replay, run, record, generate-sample, help)");
  }

  @Test
  void missingInputFolder() {
    assertThat(run("replay", "--input", dir.resolve("nope").toString(), "--output", dir.toString()))
        .isEqualTo(2);
    assertThat(errorLine()).startsWith("cuepoint: replay: --input ").endsWith("is not a folder");
  }

  @Test
  void missingRequiredOption() {
    assertThat(run("replay", "--input", dir.toString())).isEqualTo(2);
    assertThat(errorLine()).isEqualTo("cuepoint: replay: --output is required");
  }

  @Test
  void unknownOption() {
    assertThat(run("replay", "--inptu", dir.toString())).isEqualTo(2);
    assertThat(errorLine()).isEqualTo("cuepoint: replay: unknown option --inptu");
  }

  @Test
  void inputFolderWithoutRecordings() {
    assertThat(run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(errorLine()).contains("holds none of segments.jsonl");
  }

  @Test
  void unknownPropertyIsNamedWithASuggestion() throws Exception {
    Files.writeString(dir.resolve("detections.jsonl"), "");
    assertThat(run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString(),
            "--set", "Timeline.window-sise=20s"))
        .isEqualTo(2);
    assertThat(errorLine())
        .isEqualTo("cuepoint: unknown property Timeline.window-sise (did you mean Timeline.window-size?)");
  }

  @Test
  void badConfigFileIsNamed() throws Exception {
    Files.writeString(dir.resolve("detections.jsonl"), "");
    Path config = dir.resolve("config.json");
    Files.writeString(config, "[{\"PropertyGroupId\":\"Timeline\",\"PropertyMap\":{\"window-size\":\"fifteen\"}}]");
    assertThat(run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString(),
            "--config", config.toString()))
        .isEqualTo(2);
    assertThat(errorLine()).isEqualTo(
        "cuepoint: Timeline.window-size: 'fifteen' is not a duration (examples: 500ms, 15s, 10min, 1h)");
  }
}
