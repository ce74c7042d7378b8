package io.cuepoint.connectors.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

/**
 * Installs the emulators' npm packages ({@code emulators/package.json} and its lock file, on the
 * test class path) with {@code npm ci}, once per lock file content, so a machine with Java, Maven
 * and Node runs the integration tests with no manual step. The install lives under the build's
 * {@code target/emulators} (or {@code -Dcuepoint.emulators.home}) and is shared by the modules.
 */
final class NodePackages {
  private static final String[] FILES = {"package.json", "package-lock.json"};
  private static final long INSTALL_TIMEOUT_MINUTES = 5;

  private NodePackages() {}

  /** The folder holding {@code node_modules}, installed if it is not yet. */
  static synchronized Path installed() {
    try {
      byte[] lock = resource("package-lock.json");
      Path dir = home().resolve(shortHash(lock));
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Path done = dir.resolve(".installed");
        if (!Files.exists(done)) {
          for (String file : FILES) {
            Files.write(dir.resolve(file), resource(file));
          }
          npmCi(dir);
          Files.createFile(done);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path home() {
    String configured = System.getProperty("cuepoint.emulators.home");
    if (configured != null) {
      return Path.of(configured);
    }
    // Surefire runs in the module's folder; the build's root holds the modules.
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("target").resolve("emulators");
  }

  private static void npmCi(Path dir) throws IOException {
    Path log = dir.resolve("npm-ci.log");
    Process npm =
        new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm ci in " + dir + " took over " + INSTALL_TIMEOUT_MINUTES + " min; see " + log);
      }
    } catch (InterruptedException e) {
      npm.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing the emulators", e);
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException(
          "npm ci failed (exit " + npm.exitValue() + ") in " + dir + ":\n" + Files.readString(log));
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = NodePackages.class.getClassLoader().getResourceAsStream("emulators/" + name)) {
      if (in == null) {
        throw new IllegalStateException("emulators/" + name + " is missing from the test class path");
      }
      return in.readAllBytes();
    }
  }

  private static String shortHash(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
