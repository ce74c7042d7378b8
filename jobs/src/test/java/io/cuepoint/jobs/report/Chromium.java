package io.cuepoint.jobs.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, installed with apt-get when it is missing and the tests run as
 * root. Where it cannot be had, the tests that need it are skipped with the reason.
 */
final class Chromium {
  private static final List<Path> CANDIDATES =
      List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
  private static final long INSTALL_TIMEOUT_S = 600;
  private static final long RUN_TIMEOUT_S = 90;

  private final Path binary;
  private final Path profile;

  private Chromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** The browser, installed first if need be; aborts the calling tests where it cannot be. */
  static Chromium availableOrSkip(Path profile) throws IOException, InterruptedException {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      Assumptions.assumeTrue(
          isRoot(),
          "Chromium is not installed (/usr/bin/chromium) and the tests do not run as root, so they"
              + " cannot install it: run `apt-get install -y chromium` to run the report's browser tests");
      Assumptions.assumeTrue(
          Files.isExecutable(Path.of("/usr/bin/apt-get")),
          "Chromium is not installed and there is no apt-get to install Debian's chromium package");
      String log = install();
      found = find();
      Assumptions.assumeTrue(
          found.isPresent(), "Chromium is not installed and `apt-get install chromium` failed:\n" + log);
    }
    return new Chromium(found.get(), profile);
  }

  /** The DOM after the page's scripts ran. */
  String dumpDom(String url) throws IOException, InterruptedException {
    return run(url, "--dump-dom");
  }

  void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    run(url, "--screenshot=" + png, "--window-size=" + width + "," + height);
  }

  private String run(String url, String... what) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile));
    command.addAll(Arrays.asList(what));
    command.add(url);
    Path out = Files.createTempFile("chromium-out", ".txt");
    Path err = Files.createTempFile("chromium-err", ".txt");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("Chromium did not finish within " + RUN_TIMEOUT_S + " s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(
            "Chromium exited with " + p.exitValue() + ": " + command + "\n" + Files.readString(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Optional<Path> find() {
    return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return p.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
  }

  /** Installs the package, refreshing the package lists once if the first attempt fails. */
  private static String install() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(INSTALL_TIMEOUT_S);
    StringBuilder log = new StringBuilder();
    if (apt(log, deadline, "install", "-y", "chromium") == 0) {
      return log.toString();
    }
    if (apt(log, deadline, "update") == 0) {
      apt(log, deadline, "install", "-y", "chromium");
    }
    return log.toString();
  }

  private static int apt(StringBuilder log, long deadline, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile("apt", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      long left = deadline - System.nanoTime();
      if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
        p.destroyForcibly();
        log.append(String.join(" ", command)).append(": timed out\n");
        return -1;
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.ISO_8859_1);
      log.append(String.join(" ", command)).append(": exit ").append(p.exitValue()).append('\n');
      lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> log.append("  ").append(l).append('\n'));
      return p.exitValue();
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
