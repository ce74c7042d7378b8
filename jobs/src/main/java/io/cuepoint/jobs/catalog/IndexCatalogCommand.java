package io.cuepoint.jobs.catalog;

import io.cuepoint.connectors.embedding.ImageEmbedder;
import io.cuepoint.connectors.vectors.VectorIndexWriter;
import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.overlay.ProductCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code index-catalog --catalog FILE [--images DIR]}: embeds every catalog product's image and
 * stores the vectors where the job looks them up ({@code Shoppable.index-kind}). Re-running it
 * embeds only the products whose image changed and removes those no longer in the catalog.
 */
public final class IndexCatalogCommand {
  public static final String USAGE =
      "index-catalog --catalog FILE [--images DIR] [--config FILE] [--set Group.key=value]...";

  private IndexCatalogCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a = Arguments.parse("index-catalog", args, Set.of("catalog", "images", "config"), Set.of());
    Path catalogFile = Path.of(a.required("catalog"));
    ProductCatalog catalog = catalog(catalogFile);
    Path images =
        a.option("images").isPresent()
            ? a.existingDirectory("images")
            : catalogFile.toAbsolutePath().getParent();
    CuepointConfig config =
        CuepointConfig.of(
            a.option("config").map(f -> PropertyGroups.read(Path.of(f))).orElse(Collections.emptyMap()),
            a.overrides());
    try (ImageEmbedder embedder = IndexBackends.embedder(config);
        VectorIndexWriter writer = IndexBackends.writer(config, embedder)) {
      err.println(
          "index-catalog: " + catalog.size() + " products from " + catalogFile + ", images in " + images
              + ", model " + embedder.modelId());
      IndexResult result = new CatalogIndexer(embedder, writer).index(catalog, new CatalogImages(images));
      out.println("index-catalog: " + result.summary() + " -> " + where(config));
    }
    return 0;
  }

  private static ProductCatalog catalog(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("index-catalog: --catalog " + file + " cannot be read (" + e.getMessage() + ")");
    }
    try {
      return ProductCatalog.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("index-catalog: --catalog " + file + ": " + e.getMessage());
    }
  }

  private static String where(CuepointConfig config) {
    return config.get(Settings.SHOPPABLE_INDEX_KIND).equals("local")
        ? config.get(Settings.SHOPPABLE_INDEX_FILE)
        : config.get(Settings.SHOPPABLE_INDEX_KIND);
  }
}
