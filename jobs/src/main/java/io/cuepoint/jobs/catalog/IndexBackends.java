package io.cuepoint.jobs.catalog;

import io.cuepoint.connectors.embedding.BedrockImageEmbedder;
import io.cuepoint.connectors.embedding.ImageEmbedder;
import io.cuepoint.connectors.embedding.LocalImageEmbedder;
import io.cuepoint.connectors.retry.CallListener;
import io.cuepoint.connectors.vectors.LocalVectorIndexFile;
import io.cuepoint.connectors.vectors.OpenSearchVectorIndexWriter;
import io.cuepoint.connectors.vectors.VectorIndexWriter;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.config.ShoppableServicesConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Chooses the embedder and the vector store from the {@code Shoppable.*} settings: the one place
 * a new kind (Bedrock embeddings, an OpenSearch k-NN index) is added.
 */
public final class IndexBackends {
  private IndexBackends() {}

  public static ImageEmbedder embedder(CuepointConfig config) {
    if (ShoppableServicesConfig.bedrock(config)) {
      return new BedrockImageEmbedder(ShoppableServicesConfig.bedrockSettings(config), CallListener.NONE);
    }
    return new LocalImageEmbedder(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  public static VectorIndexWriter writer(CuepointConfig config, ImageEmbedder embedder) throws IOException {
    String kind = config.get(Settings.SHOPPABLE_INDEX_KIND);
    switch (kind) {
      case "local":
        return localFile(config, embedder);
      case "opensearch":
        return new OpenSearchVectorIndexWriter(
            ShoppableServicesConfig.openSearchSettings(config),
            embedder.modelId(),
            embedder.dimensions(),
            CallListener.NONE);
      default:
        throw new ConfigException(Settings.SHOPPABLE_INDEX_KIND.id() + ": '" + kind + "' has no writer");
    }
  }

  private static VectorIndexWriter localFile(CuepointConfig config, ImageEmbedder embedder) throws IOException {
    String file = config.get(Settings.SHOPPABLE_INDEX_FILE);
    if (file.isEmpty()) {
      throw new ConfigException(Settings.SHOPPABLE_INDEX_FILE.id() + ": must name a file");
    }
    try {
      return LocalVectorIndexFile.open(Path.of(file), embedder.modelId(), embedder.dimensions());
    } catch (IOException e) {
      throw new ConfigException(Settings.SHOPPABLE_INDEX_FILE.id() + ": " + e.getMessage());
    }
  }
}
