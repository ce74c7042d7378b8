package io.cuepoint.jobs.config;

import io.cuepoint.connectors.fetch.FetchPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code Fetch.*} settings as the fetch guard's policy, and the shapes of their values. */
public final class FetchConfig {
  private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|[0-9a-f:.]+");

  private FetchConfig() {}

  public static FetchPolicy policy(CuepointConfig c) {
    FetchPolicy p = new FetchPolicy();
    String schemes = c.get(Settings.FETCH_ALLOWED_SCHEMES);
    if (schemes.equals("none")) {
      throw new ConfigException(Settings.FETCH_ALLOWED_SCHEMES.id() + ": needs at least one of http, https");
    }
    p.allowedSchemes = list(schemes);
    String hosts = c.get(Settings.FETCH_ALLOWED_HOSTS);
    p.allowedHosts = hosts.equals("none") ? new String[0] : list(hosts);
    p.allowPrivateAddresses = c.get(Settings.FETCH_ALLOW_PRIVATE);
    p.maxBodyBytes = c.get(Settings.FETCH_MAX_BODY_BYTES);
    p.connectTimeoutMs = positive(c, Settings.FETCH_CONNECT_TIMEOUT);
    p.requestTimeoutMs = positive(c, Settings.FETCH_REQUEST_TIMEOUT);
    p.maxRedirects = c.get(Settings.FETCH_MAX_REDIRECTS);
    return p;
  }

  private static long positive(CuepointConfig c, Setting<Duration> setting) {
    long ms = c.get(setting).toMillis();
    if (ms <= 0) {
      throw new ConfigException(setting.id() + ": must be more than 0");
    }
    return ms;
  }

  /** Comma-separated http and https, at least one. */
  static String schemes(String text) {
    String[] schemes = list(text);
    if (schemes.length == 0) {
      throw new IllegalArgumentException("needs at least one of http, https");
    }
    for (String s : schemes) {
      if (!s.equals("http") && !s.equals("https")) {
        throw new IllegalArgumentException("'" + s + "' is not http or https");
      }
    }
    return text;
  }

  /** Comma-separated host names, address literals or {@code *.suffix}. */
  static String hosts(String text) {
    String[] hosts = list(text);
    if (hosts.length == 0) {
      throw new IllegalArgumentException("needs at least one host (or none for any public host)");
    }
    for (String h : hosts) {
      if (!HOST.matcher(h).matches()) {
        throw new IllegalArgumentException("'" + h + "' is not a host name, an address or *.suffix");
      }
    }
    return text;
  }

  private static String[] list(String text) {
    return Arrays.stream(text.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
