package io.cuepoint.jobs.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/** The Flink settings for local runs, from {@code flink-conf/local.yaml} packed into the jar. */
final class LocalFlink {
  static final String RESOURCE = "cuepoint/flink-conf/local.yaml";

  private LocalFlink() {}

  static Configuration configuration() {
    Map<String, String> settings = new HashMap<>();
    try (InputStream in = LocalFlink.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
          throw new IllegalStateException(RESOURCE + ": not a 'key: value' line: " + trimmed);
        }
        settings.put(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Configuration.fromMap(settings);
  }
}
