package io.cuepoint.connectors.shoppable;

import io.cuepoint.connectors.embedding.BedrockImageEmbedder;
import io.cuepoint.connectors.embedding.BedrockSettings;
import io.cuepoint.connectors.embedding.ImageEmbedder;
import io.cuepoint.connectors.retry.CallListener;
import io.cuepoint.connectors.retry.RetryPolicy;
import io.cuepoint.connectors.vectors.OpenSearchSettings;
import io.cuepoint.connectors.vectors.OpenSearchVectorIndex;
import io.cuepoint.connectors.vectors.VectorIndex;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which embedder and which vector index the job matches with, as serializable settings; each
 * subtask builds its own clients from them when it opens. The in-process implementations come in
 * as serializable factories so that this module does not fix their construction.
 */
public class ShoppableServices implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Makes the in-process embedder. */
  public interface LocalEmbedderFactory extends Serializable {
    ImageEmbedder create();
  }

  /** Loads the local index file that index-catalog wrote. */
  public interface LocalIndexLoader extends Serializable {
    VectorIndex load(Path file) throws IOException;
  }

  /** Bedrock settings; null: the in-process embedder. */
  public BedrockSettings bedrock;
  /** OpenSearch settings; null: the local index file. */
  public OpenSearchSettings openSearch;
  /** The local index file, used when openSearch is null. */
  public String localIndexFile = "";
  public LocalEmbedderFactory localEmbedder;
  public LocalIndexLoader localIndex;

  public ShoppableServices() {}

  public void validate() {
    if (bedrock != null) {
      bedrock.validate();
    } else if (localEmbedder == null) {
      throw new IllegalArgumentException("no Bedrock settings and no local embedder");
    }
    if (openSearch != null) {
      openSearch.validate();
    } else if (localIndex == null || localIndexFile.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch settings and no local index file");
    }
  }

  /** The same services for one of {@code subtasks} parallel subtasks: the job's rates split. */
  public ShoppableServices perSubtask(int subtasks) {
    ShoppableServices copy = new ShoppableServices();
    copy.localIndexFile = localIndexFile;
    copy.localEmbedder = localEmbedder;
    copy.localIndex = localIndex;
    if (bedrock != null) {
      copy.bedrock = new BedrockSettings();
      copy.bedrock.access = bedrock.access;
      copy.bedrock.modelId = bedrock.modelId;
      copy.bedrock.dimensions = bedrock.dimensions;
      copy.bedrock.retry = bedrock.retry;
      copy.bedrock.callsPerSecond = bedrock.callsPerSecond / subtasks;
    }
    if (openSearch != null) {
      copy.openSearch = new OpenSearchSettings();
      copy.openSearch.endpoint = openSearch.endpoint;
      copy.openSearch.index = openSearch.index;
      copy.openSearch.signing = openSearch.signing;
      copy.openSearch.region = openSearch.region;
      copy.openSearch.bulkSize = openSearch.bulkSize;
      copy.openSearch.retry = openSearch.retry;
      copy.openSearch.requestsPerSecond = openSearch.requestsPerSecond / subtasks;
    }
    return copy;
  }

  public ImageEmbedder embedder(CallListener listener) {
    return bedrock != null ? new BedrockImageEmbedder(bedrock, listener) : localEmbedder.create();
  }

  public VectorIndex index(CallListener listener) {
    if (openSearch != null) {
      return new OpenSearchVectorIndex(openSearch, listener);
    }
    try {
      return localIndex.load(Paths.get(localIndexFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the product index " + localIndexFile, e);
    }
  }

  /** The longest one crop's embedding and lookup may take, retries included. */
  public long cropTimeoutMs() {
    RetryPolicy local = new RetryPolicy();
    long embed = (bedrock != null ? bedrock.retry : local).callTimeoutMs();
    long lookup = (openSearch != null ? openSearch.retry : local).callTimeoutMs();
    return embed + lookup;
  }
}
