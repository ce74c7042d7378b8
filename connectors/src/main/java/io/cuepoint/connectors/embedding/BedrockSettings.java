package io.cuepoint.connectors.embedding;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.retry.RetryPolicy;
import java.io.Serializable;

/** Which Bedrock embedding model to call, where, and how hard the job may use it. */
public class BedrockSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Vector lengths Titan Multimodal Embeddings can return. */
  public static final int[] DIMENSIONS = {256, 384, 1024};

  public AwsAccess access = new AwsAccess("us-east-1", "", false);
  public String modelId = "amazon.titan-embed-image-v1";
  public int dimensions = 256;
  /** InvokeModel calls per second of one embedder (one per subtask): the job's rate split. */
  public double callsPerSecond = 10;
  public RetryPolicy retry = new RetryPolicy();

  public BedrockSettings() {}

  public void validate() {
    boolean known = false;
    for (int d : DIMENSIONS) {
      known |= d == dimensions;
    }
    if (!known) {
      throw new IllegalArgumentException("dimensions must be 256, 384 or 1024, not " + dimensions);
    }
    if (modelId == null || modelId.isEmpty()) {
      throw new IllegalArgumentException("modelId is empty");
    }
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("callsPerSecond must be positive");
    }
  }
}
