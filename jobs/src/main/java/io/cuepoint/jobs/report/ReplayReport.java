package io.cuepoint.jobs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The analyst's view of a replay: {@code report.html} in the output folder, one self-contained
 * page with the timeline of each media, the viewer decisions over time and the totals.
 */
public final class ReplayReport {
  public static final String FILE_NAME = "report.html";

  private ReplayReport() {}

  /**
   * Reads the outputs in {@code output} (and the recording in {@code input}, when not null, for
   * the match feed and the input counts) and writes {@code output/report.html}.
   *
   * @return the file written
   */
  public static Path write(Path output, Path input) throws IOException {
    ReportData data = ReportData.collect(output, input);
    String html = ReportPage.render(ReportModel.of(data), title(output, input));
    Path file = output.resolve(FILE_NAME);
    // Written beside and moved, so a browser never opens half a report.
    Path partial = output.resolve(FILE_NAME + ".partial");
    Files.write(partial, html.getBytes(StandardCharsets.UTF_8));
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static String title(Path output, Path input) {
    Path named = input != null ? input : output;
    Path name = named.toAbsolutePath().normalize().getFileName();
    return "Cuepoint replay" + (name == null ? "" : " · " + name);
  }
}
