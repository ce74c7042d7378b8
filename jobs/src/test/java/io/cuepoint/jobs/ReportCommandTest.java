package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay} leaves report.html beside its outputs; {@code replay --report-only} rebuilds it. */
class ReportCommandTest {
  private static final long T0 = 1_780_167_600_000L;

  @TempDir Path dir;

  private final CommandLineRun cli = new CommandLineRun();

  @Test
  void replayWritesTheReportAndSaysWhereItIs() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("detections.jsonl"), detection(0) + "\n" + detection(4_000) + "\nnot json\n");
    Path output = dir.resolve("out");

    assertThat(cli.run("replay", "--input", in.toString(), "--output", output.toString())).isEqualTo(0);

    Path report = output.resolve("report.html");
    assertThat(report).exists();
    assertThat(cli.stdout().lines().reduce((a, b) -> b).orElseThrow())
        .matches("report: " + java.util.regex.Pattern.quote(report.toString()) + " \\(\\d+ KB, written in \\d+\\.\\d s\\)");
    String html = Files.readString(report);
    assertThat(html).contains("\"mediaId\":\"final\"").contains("\"input\":\"" + in + "\"");
  }

  @Test
  void reportOnlyRebuildsTheReportOfAnOutputFolder() throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    Files.writeString(output.resolve("events-of-interest.jsonl"),
        "{\"id\":\"x\",\"mediaId\":\"final\",\"type\":\"RED_CARD\",\"eventTime\":" + T0 + ",\"evidence\":[],\"attributes\":{}}\n");

    assertThat(cli.run("replay", "--report-only", output.toString())).isEqualTo(0);

    assertThat(cli.stdout()).startsWith("report: " + output.resolve("report.html"));
    String html = Files.readString(output.resolve("report.html"));
    assertThat(html).contains("\"type\":\"RED_CARD\"").doesNotContain("\"input\":");
  }

  @Test
  void reportOnlyNeedsAnOutputFolder() throws Exception {
    assertThat(cli.run("replay", "--report-only", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: replay: --report-only ").endsWith("is not a folder");
  }

  @Test
  void reportOnlyRefusesAFolderWithoutOutputs() throws Exception {
    Files.writeString(dir.resolve("detections.jsonl"), "");

    assertThat(cli.run("replay", "--report-only", dir.toString())).isEqualTo(2);
    assertThat(cli.errorLine()).contains("holds no replay outputs");
  }

  @Test
  void reportOnlyRunsNoJobSoTakesNoJobOptions() {
    assertThat(cli.run("replay", "--report-only", dir.toString(), "--set", "Job.parallelism=1")).isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo("cuepoint: replay: --report-only takes only --input (the recording), no job options");
  }

  @Test
  void usageNamesBothForms() {
    cli.run("help");
    assertThat(cli.stdout()).contains("replay --report-only DIR [--input DIR]").contains("report.html");
  }

  private static String detection(long offsetMs) {
    return "{\"mediaId\":\"final\",\"positionMs\":" + offsetMs + ",\"eventTime\":" + (T0 + offsetMs)
        + ",\"source\":\"rekognition\",\"items\":[{\"kind\":\"PRODUCT\",\"name\":\"p-1\",\"confidence\":90}]}";
  }
}
