package io.cuepoint.jobs.config;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.embedding.BedrockSettings;
import io.cuepoint.connectors.retry.RetryPolicy;
import io.cuepoint.connectors.shoppable.MatcherSettings;
import io.cuepoint.connectors.shoppable.ShoppableServices;
import io.cuepoint.connectors.vectors.OpenSearchSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Shoppable settings of the AWS services and of the in-job matching, checked and turned into
 * the connectors' settings. The in-process embedder and the local index file come from the caller,
 * which owns them.
 */
public final class ShoppableServicesConfig {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern INDEX = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,254}");
  static final String NONE = "none";

  private ShoppableServicesConfig() {}

  /** Checks the settings together; throws a {@link ConfigException} naming the property. */
  static void check(CuepointConfig config) {
    String region = config.get(Settings.SHOPPABLE_REGION);
    if (!REGION.matcher(region).matches()) {
      throw new ConfigException(
          Settings.SHOPPABLE_REGION.id() + ": '" + region + "' is not an AWS region like us-east-1");
    }
    String index = config.get(Settings.SHOPPABLE_OPENSEARCH_INDEX);
    if (!INDEX.matcher(index).matches()) {
      throw new ConfigException(
          Settings.SHOPPABLE_OPENSEARCH_INDEX.id()
              + ": '"
              + index
              + "' is not an OpenSearch index name (lower-case letters, digits, _ . -)");
    }
    if (!config.get(Settings.SHOPPABLE_OPENSEARCH_SIGNING).equals(NONE)
        && config.get(Settings.SHOPPABLE_OPENSEARCH_ENDPOINT).equals(NONE)) {
      throw new ConfigException(
          Settings.SHOPPABLE_OPENSEARCH_SIGNING.id()
              + ": needs "
              + Settings.SHOPPABLE_OPENSEARCH_ENDPOINT.id());
    }
    if (openSearch(config) && config.get(Settings.SHOPPABLE_OPENSEARCH_ENDPOINT).equals(NONE)) {
      throw new ConfigException(
          Settings.SHOPPABLE_INDEX_KIND.id()
              + ": opensearch needs "
              + Settings.SHOPPABLE_OPENSEARCH_ENDPOINT.id());
    }
    if (config.get(Settings.SHOPPABLE_CALL_TIMEOUT).isZero()) {
      throw new ConfigException(Settings.SHOPPABLE_CALL_TIMEOUT.id() + ": must be more than 0");
    }
  }

  /** True when the job embeds with Bedrock. */
  public static boolean bedrock(CuepointConfig config) {
    return config.get(Settings.SHOPPABLE_EMBEDDER).equals("bedrock");
  }

  /** True when the product vectors are in OpenSearch rather than the local index file. */
  public static boolean openSearch(CuepointConfig config) {
    return config.get(Settings.SHOPPABLE_INDEX_KIND).equals("opensearch");
  }

  /**
   * The services the matcher builds its clients from.
   *
   * @param localIndexFile the local index file (used without OpenSearch)
   * @param localEmbedder makes the in-process embedder (used without Bedrock)
   * @param localIndex loads the local index file
   */
  public static ShoppableServices services(
      CuepointConfig config,
      String localIndexFile,
      ShoppableServices.LocalEmbedderFactory localEmbedder,
      ShoppableServices.LocalIndexLoader localIndex) {
    ShoppableServices s = new ShoppableServices();
    s.localIndexFile = localIndexFile == null ? "" : localIndexFile;
    s.localEmbedder = localEmbedder;
    s.localIndex = localIndex;
    s.bedrock = bedrock(config) ? bedrockSettings(config) : null;
    s.openSearch = openSearch(config) ? openSearchSettings(config) : null;
    return s;
  }

  public static BedrockSettings bedrockSettings(CuepointConfig config) {
    BedrockSettings b = new BedrockSettings();
    String endpoint = config.get(Settings.SHOPPABLE_BEDROCK_ENDPOINT);
    b.access =
        new AwsAccess(
            config.get(Settings.SHOPPABLE_REGION),
            endpoint.equals(NONE) ? "" : endpoint,
            config.get(Settings.AWS_CREDENTIALS).equals("emulator"));
    b.modelId = config.get(Settings.SHOPPABLE_BEDROCK_MODEL);
    b.dimensions = Integer.parseInt(config.get(Settings.SHOPPABLE_BEDROCK_DIMENSIONS));
    b.callsPerSecond = config.get(Settings.SHOPPABLE_BEDROCK_TPS);
    b.retry = retry(config);
    return b;
  }

  public static OpenSearchSettings openSearchSettings(CuepointConfig config) {
    OpenSearchSettings o = new OpenSearchSettings();
    o.endpoint = config.get(Settings.SHOPPABLE_OPENSEARCH_ENDPOINT);
    o.index = config.get(Settings.SHOPPABLE_OPENSEARCH_INDEX);
    o.signing =
        OpenSearchSettings.Signing.valueOf(
            config.get(Settings.SHOPPABLE_OPENSEARCH_SIGNING).toUpperCase(Locale.ROOT));
    o.region = config.get(Settings.SHOPPABLE_REGION);
    o.requestsPerSecond = config.get(Settings.SHOPPABLE_OPENSEARCH_TPS);
    o.retry = retry(config);
    return o;
  }

  public static MatcherSettings matcher(CuepointConfig config) {
    MatcherSettings m = new MatcherSettings();
    List<String> labels = new ArrayList<>();
    String text = config.get(Settings.SHOPPABLE_PRODUCT_LABELS);
    if (!text.equals(NONE)) {
      for (String label : text.split(",")) {
        if (!label.trim().isEmpty()) {
          labels.add(label.trim());
        }
      }
    }
    m.productLabels = labels.toArray(new String[0]);
    m.maxCropsPerFrame = config.get(Settings.SHOPPABLE_MAX_CROPS);
    m.cropThreads = config.get(Settings.SHOPPABLE_CROP_THREADS);
    return m;
  }

  private static RetryPolicy retry(CuepointConfig config) {
    RetryPolicy r = new RetryPolicy();
    r.budgetMs = config.get(Settings.SHOPPABLE_RETRY_BUDGET).toMillis();
    r.attemptTimeoutMs = config.get(Settings.SHOPPABLE_CALL_TIMEOUT).toMillis();
    return r;
  }
}
