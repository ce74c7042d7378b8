package io.cuepoint.connectors.frames;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves an {@link HlsStream}'s playlist and segments on loopback, counting segment requests. */
public final class HlsServer implements AutoCloseable {
  private final HttpServer server;
  private final ConcurrentHashMap<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, byte[]> extra = new ConcurrentHashMap<>();

  public HlsServer(HlsStream stream) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] playlist = stream.playlist().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/live/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/live/".length());
          requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
          byte[] body = null;
          String type = "video/mp2t";
          if (extra.containsKey(name)) {
            body = extra.get(name);
          } else if (name.equals("playlist.m3u8")) {
            body = playlist;
            type = "application/vnd.apple.mpegurl";
          } else if (name.startsWith("seg-") && name.endsWith(".ts")) {
            try {
              body = stream.segments.get(Integer.parseInt(name.substring(4, name.length() - 3)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
              body = null;
            }
          }
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Serves other bytes under baseUrl() + name too (a damaged segment, say). */
  public HlsServer serve(String name, byte[] body) {
    extra.put(name, body);
    return this;
  }

  /** Where the playlist and its segments are: http://127.0.0.1:PORT/live/ */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/live/";
  }

  public String playlistUrl() {
    return baseUrl() + "playlist.m3u8";
  }

  public int requestsFor(String name) {
    AtomicInteger n = requests.get(name);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
