package io.cuepoint.jobs.viewer;

import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Setting;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.viewer.LocalRanker;
import io.cuepoint.operators.viewer.LocalRankerTraining;
import io.cuepoint.operators.viewer.ProductCatalog;
import io.cuepoint.operators.viewer.WidgetCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * The catalogs and the trained local ranker, read when the job is built (on the client) and
 * handed to the operators as constructor data. A file that cannot be used is one line naming the
 * setting, the file and what is wrong in it.
 */
public final class ViewerReferenceData {
  public final WidgetCatalog widgets;
  public final ProductCatalog products;
  public final LocalRanker ranker;

  private ViewerReferenceData(WidgetCatalog widgets, ProductCatalog products, LocalRanker ranker) {
    this.widgets = widgets;
    this.products = products;
    this.ranker = ranker;
  }

  public static ViewerReferenceData load(CuepointConfig config) {
    Path widgetsFile = ViewerConfig.optionalFile(config, Settings.VIEWER_WIDGETS);
    Path productsFile = ViewerConfig.optionalFile(config, Settings.VIEWER_PRODUCTS);
    Path interactionsFile = ViewerConfig.optionalFile(config, Settings.VIEWER_INTERACTIONS);
    WidgetCatalog widgets =
        widgetsFile == null
            ? new WidgetCatalog(Collections.emptyList())
            : parse(Settings.VIEWER_WIDGETS, widgetsFile, () -> WidgetCatalog.parse(read(widgetsFile)));
    ProductCatalog products =
        productsFile == null
            ? ProductCatalog.empty()
            : parse(Settings.VIEWER_PRODUCTS, productsFile, () -> ProductCatalog.parse(read(productsFile)));
    LocalRanker ranker =
        interactionsFile == null
            ? LocalRanker.untrained()
            : parse(
                Settings.VIEWER_INTERACTIONS,
                interactionsFile,
                () -> {
                  try (BufferedReader in = Files.newBufferedReader(interactionsFile, StandardCharsets.UTF_8)) {
                    return LocalRankerTraining.fromCsv(in);
                  }
                });
    return new ViewerReferenceData(widgets, products, ranker);
  }

  /** Reads one file. */
  private interface Reader<T> {
    T read() throws IOException;
  }

  private static <T> T parse(Setting<String> setting, Path file, Reader<T> reader) {
    try {
      return reader.read();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(setting.id() + ": " + file + ": " + e.getMessage());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException(setting.id() + ": " + file + " cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
