package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong command line is one clear line and a non-zero exit, never a stack trace. */
class CommandLineTest {
  @TempDir Path dir;

  private final CommandLineRun cli = new CommandLineRun();

  @Test
  void noArgumentsPrintsUsage() {
    assertThat(cli.run()).isEqualTo(2);
    assertThat(cli.stdout()).contains("replay --input DIR --output DIR");
  }

  @Test
  void unknownCommand() {
    assertThat(cli.run("replya")).isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo("cuepoint: unknown command 'replya' (commands: replay, run, record, hls-to-kinesis, generate-sample, index-catalog, help)");
  }

  @Test
  void missingInputFolder() {
    assertThat(cli.run("replay", "--input", dir.resolve("nope").toString(), "--output", dir.toString()))
        .isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: replay: --input ").endsWith("is not a folder");
  }

  @Test
  void missingRequiredOption() {
    assertThat(cli.run("replay", "--input", dir.toString())).isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo("cuepoint: replay: --output is required");
  }

  @Test
  void unknownOption() {
    assertThat(cli.run("replay", "--inptu", dir.toString())).isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo("cuepoint: replay: unknown option --inptu");
  }

  @Test
  void inputFolderWithoutRecordings() {
    assertThat(cli.run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(cli.errorLine()).contains("holds none of segments.jsonl");
  }

  @Test
  void unknownPropertyIsNamedWithASuggestion() throws Exception {
    Files.writeString(dir.resolve("detections.jsonl"), "");
    assertThat(cli.run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString(),
            "--set", "Timeline.window-sise=20s"))
        .isEqualTo(2);
    assertThat(cli.errorLine())
        .isEqualTo("cuepoint: unknown property Timeline.window-sise (did you mean Timeline.window-size?)");
  }

  @Test
  void badConfigFileIsNamed() throws Exception {
    Files.writeString(dir.resolve("detections.jsonl"), "");
    Path config = dir.resolve("config.json");
    Files.writeString(config, "[{\"PropertyGroupId\":\"Timeline\",\"PropertyMap\":{\"window-size\":\"fifteen\"}}]");
    assertThat(cli.run("replay", "--input", dir.toString(), "--output", dir.resolve("o").toString(),
            "--config", config.toString()))
        .isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo(
        "cuepoint: Timeline.window-size: 'fifteen' is not a duration (examples: 500ms, 15s, 10min, 1h)");
  }
}
