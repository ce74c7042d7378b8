package io.cuepoint.connectors.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Node emulator process on loopback: started, awaited until its port answers, and stopped. */
final class EmulatorProcess implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 60_000;

  private final Process process;
  private final Path log;

  private EmulatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * @param script the emulator's entry point, relative to the installed node_modules folder's parent
   * @param port the port that answers once the emulator is ready
   */
  static EmulatorProcess start(
      String name, String script, List<String> args, Map<String, String> env, int port) {
    Path home = NodePackages.installed();
    try {
      Path log = Files.createTempFile(home, name + "-", ".log");
      List<String> command = new java.util.ArrayList<>(List.of("node", home.resolve(script).toString()));
      command.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      EmulatorProcess emulator = new EmulatorProcess(builder.start(), log);
      emulator.awaitPort(name, port);
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPort(String name, int port) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    close();
    throw new IllegalStateException(name + " did not open port " + port + " within " + START_TIMEOUT_MS + " ms:\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
