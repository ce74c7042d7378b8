package io.cuepoint.bench;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.operators.overlay.ProductCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The sample run's settings and catalogs ({@code samples/config.json}): with them the full path
 * schedules overlays for the detected catalog products and decides viewer actions with the local
 * ranker, as the README's first command does; without catalogs both stages would pass everything
 * by.
 */
final class SampleSetup {
  private static final String SAMPLE = "samples/soccer-final";

  private SampleSetup() {}

  /** The sample's configuration, catalog paths made absolute, with {@code overrides} on top. */
  static CuepointConfig config(Map<String, String> overrides) {
    Path root = repositoryRoot();
    Map<String, Properties> groups = PropertyGroups.read(root.resolve("samples/config.json"));
    for (Properties group : groups.values()) {
      for (String key : group.stringPropertyNames()) {
        String value = group.getProperty(key);
        if (value.startsWith(SAMPLE + "/")) {
          group.setProperty(key, root.resolve(value).toString());
        }
      }
    }
    return CuepointConfig.of(groups, overrides);
  }

  /** The product ids of the sample catalog, which the generated detections show, sorted. */
  static String[] productIds() {
    try {
      String json = Files.readString(repositoryRoot().resolve(SAMPLE + "/products.json"));
      String[] ids = ProductCatalog.parse(json).products().keySet().toArray(new String[0]);
      Arrays.sort(ids);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bench runs in {@code bench/} under Maven and wherever {@code java} is started by hand. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(SAMPLE))) {
        return dir;
      }
    }
    throw new IllegalStateException("no " + SAMPLE + " above " + Path.of("").toAbsolutePath());
  }
}
