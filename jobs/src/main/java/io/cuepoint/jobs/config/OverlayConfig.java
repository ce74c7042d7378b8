package io.cuepoint.jobs.config;

import io.cuepoint.connectors.ivs.IvsSettings;
import io.cuepoint.operators.overlay.OverlaySettings;
import io.cuepoint.operators.overlay.ProductCatalog;
import io.cuepoint.operators.overlay.UrlAllowList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The overlay settings, checked and with their files read: the product catalog, the URL hosts,
 * the product cue files and the IVS sender's settings. Built on the client before the job starts,
 * so a bad value or file is one line naming the property (and the file).
 */
public final class OverlayConfig {
  static final String NONE = "none";

  public final OverlaySettings rules;
  public final ProductCatalog catalog;
  public final UrlAllowList urls;
  public final IvsSettings ivs;
  public final List<ProductCueFile> productCues;

  private OverlayConfig(
      OverlaySettings rules,
      ProductCatalog catalog,
      UrlAllowList urls,
      IvsSettings ivs,
      List<ProductCueFile> productCues) {
    this.rules = rules;
    this.catalog = catalog;
    this.urls = urls;
    this.ivs = ivs;
    this.productCues = productCues;
  }

  /** An SRT file of product cues for one media. */
  public static final class ProductCueFile {
    public final String mediaId;
    public final Path file;
    public final long streamStartMs;
    public final String text;

    ProductCueFile(String mediaId, Path file, long streamStartMs, String text) {
      this.mediaId = mediaId;
      this.file = file;
      this.streamStartMs = streamStartMs;
      this.text = text;
    }
  }

  public static OverlayConfig of(CuepointConfig config) {
    OverlaySettings rules = new OverlaySettings();
    rules.minConfidence = config.get(Settings.OVERLAY_MIN_CONFIDENCE);
    rules.minFrames = config.get(Settings.OVERLAY_MIN_FRAMES);
    rules.showDurationMs = config.get(Settings.OVERLAY_SHOW_DURATION).toMillis();
    rules.cooldownMs = config.get(Settings.OVERLAY_COOLDOWN).toMillis();
    rules.resendIntervalMs = config.get(Settings.OVERLAY_RESEND_INTERVAL).toMillis();
    rules.idleTimeoutMs = config.get(Settings.OVERLAY_IDLE_TIMEOUT).toMillis();
    if (rules.showDurationMs <= 0) {
      throw new ConfigException(Settings.OVERLAY_SHOW_DURATION.id() + ": must be more than 0");
    }
    try {
      rules.validate();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          Settings.OVERLAY_IDLE_TIMEOUT.id()
              + ": must be at least "
              + Settings.OVERLAY_SHOW_DURATION.id()
              + " and "
              + Settings.OVERLAY_COOLDOWN.id());
    }
    return new OverlayConfig(
        rules, catalog(config), urls(config), ivs(config), productCues(config));
  }

  private static ProductCatalog catalog(CuepointConfig config) {
    String value = config.get(Settings.OVERLAY_CATALOG);
    if (value.isEmpty() || value.equals(NONE)) {
      return ProductCatalog.empty();
    }
    String where = Settings.OVERLAY_CATALOG.id() + ": " + value;
    try {
      return ProductCatalog.parse(read(value, where));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  private static UrlAllowList urls(CuepointConfig config) {
    String value = config.get(Settings.OVERLAY_ALLOWED_HOSTS);
    Set<String> hosts = new LinkedHashSet<>();
    if (!value.isEmpty() && !value.equals(NONE)) {
      for (String host : value.split(",")) {
        String h = host.trim();
        if (!h.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
          throw new ConfigException(
              Settings.OVERLAY_ALLOWED_HOSTS.id() + ": '" + h + "' is not a host name");
        }
        hosts.add(h);
      }
    }
    return new UrlAllowList(hosts);
  }

  private static IvsSettings ivs(CuepointConfig config) {
    IvsSettings s = new IvsSettings();
    s.enabled = config.get(Settings.IVS_ENABLED);
    String endpoint = config.get(Settings.IVS_ENDPOINT);
    if (!endpoint.isEmpty() && !endpoint.equals(NONE)) {
      if (!endpoint.matches("https?://[^\\s/]+(/.*)?")) {
        throw new ConfigException(
            Settings.IVS_ENDPOINT.id() + ": '" + endpoint + "' is not an http(s) URL");
      }
      s.endpoint = endpoint;
    }
    String region = config.get(Settings.IVS_REGION);
    if (!region.isEmpty() && !region.equals(NONE)) {
      if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
        throw new ConfigException(
            Settings.IVS_REGION.id() + ": '" + region + "' is not an AWS region (like us-west-2)");
      }
      s.region = region;
    }
    s.channelCallsPerSecond = config.get(Settings.IVS_CHANNEL_RATE);
    s.accountCallsPerSecond = config.get(Settings.IVS_ACCOUNT_RATE);
    int parallelism = config.get(Settings.PARALLELISM);
    if (s.accountCallsPerSecond < parallelism) {
      throw new ConfigException(
          Settings.IVS_ACCOUNT_RATE.id()
              + ": "
              + s.accountCallsPerSecond
              + " is less than "
              + Settings.PARALLELISM.id()
              + " ("
              + parallelism
              + "): every sender subtask needs at least one call a second");
    }
    s.retryBudgetMs = config.get(Settings.IVS_RETRY_BUDGET).toMillis();
    s.initialBackoffMs = config.get(Settings.IVS_INITIAL_BACKOFF).toMillis();
    if (s.initialBackoffMs <= 0) {
      throw new ConfigException(Settings.IVS_INITIAL_BACKOFF.id() + ": must be more than 0");
    }
    s.callTimeoutMs = config.get(Settings.IVS_CALL_TIMEOUT).toMillis();
    if (s.callTimeoutMs <= 0) {
      throw new ConfigException(Settings.IVS_CALL_TIMEOUT.id() + ": must be more than 0");
    }
    s.decisionTimeoutMs = config.get(Settings.IVS_DECISION_TIMEOUT).toMillis();
    if (s.decisionTimeoutMs <= s.retryBudgetMs + s.callTimeoutMs) {
      throw new ConfigException(
          Settings.IVS_DECISION_TIMEOUT.id()
              + ": must be more than "
              + Settings.IVS_RETRY_BUDGET.id()
              + " + "
              + Settings.IVS_CALL_TIMEOUT.id()
              + " ("
              + (s.retryBudgetMs + s.callTimeoutMs)
              + "ms)");
    }
    s.capacity = config.get(Settings.IVS_CAPACITY);
    s.validate();
    return s;
  }

  private static List<ProductCueFile> productCues(CuepointConfig config) {
    String value = config.get(Settings.OVERLAY_PRODUCT_CUES);
    if (value.isEmpty() || value.equals(NONE)) {
      return Collections.emptyList();
    }
    String id = Settings.OVERLAY_PRODUCT_CUES.id();
    List<ProductCueFile> files = new ArrayList<>();
    for (String entry : value.split(",")) {
      String e = entry.trim();
      int eq = e.indexOf('=');
      int at = e.lastIndexOf('@');
      if (eq <= 0 || at < eq + 2 || at == e.length() - 1) {
        throw new ConfigException(id + ": '" + e + "' is not MEDIA_ID=FILE@START");
      }
      String mediaId = e.substring(0, eq).trim();
      String file = e.substring(eq + 1, at).trim();
      long start;
      try {
        start = Instant.parse(e.substring(at + 1).trim()).toEpochMilli();
      } catch (DateTimeParseException bad) {
        throw new ConfigException(
            id + ": '" + e.substring(at + 1) + "' is not an ISO-8601 UTC time (2026-05-30T19:00:00Z)");
      }
      String where = id + ": " + file;
      files.add(new ProductCueFile(mediaId, Path.of(file), start, read(file, where)));
    }
    return files;
  }

  private static String read(String file, String where) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new ConfigException(where + ": not a file name");
    }
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(where + ": no such file");
    }
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
