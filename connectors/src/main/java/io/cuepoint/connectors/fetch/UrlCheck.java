package io.cuepoint.connectors.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The checks on a URL's text before anything is resolved or sent: strict syntax (no whitespace,
 * control, non-ASCII or shell metacharacters, no user info), an allowed scheme and an allowed
 * host. Nothing here touches the network.
 */
public final class UrlCheck {
  /** Longer URLs are refused; no segment or playlist URL needs more. */
  public static final int MAX_URL_LENGTH = 8192;

  /**
   * Characters a shell would act on. Never passed to a shell here; refused anyway, so that no URL
   * that could hurt a shell-based consumer downstream ever passes through. The one exception is
   * '&' in the query, where it separates parameters (signed CDN URLs, playback tokens).
   */
  private static final String SHELL_METACHARACTERS = ";|&$`<>()\\'\"{}^";

  private UrlCheck() {}

  /** The URL as a URI, when its text, scheme and host are allowed; else why not. */
  public static URI check(String url, FetchPolicy policy) throws FetchRefusedException {
    URI uri = syntax(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!contains(policy.allowedSchemes, scheme)) {
      throw new FetchRefusedException(
          "scheme '" + scheme + "' is not allowed (allowed: " + String.join(", ", policy.allowedSchemes) + "): " + url);
    }
    String host = host(uri);
    if (!hostAllowed(host, policy.allowedHosts)) {
      throw new FetchRefusedException(
          "host '" + host + "' is not allowed (allowed: " + String.join(", ", policy.allowedHosts) + "): " + url);
    }
    return uri;
  }

  /** The URL parsed, when its text is a strict absolute URL with a host; else why not. */
  static URI syntax(String url) throws FetchRefusedException {
    if (url == null || url.isEmpty()) {
      throw new FetchRefusedException("the URL is empty");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new FetchRefusedException("the URL is " + url.length() + " characters long (limit " + MAX_URL_LENGTH + ")");
    }
    int query = url.indexOf('?');
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      String problem = null;
      boolean queryAmpersand = c == '&' && query >= 0 && i > query && url.lastIndexOf('#', i) < query;
      if (c == ' ') {
        problem = "a space";
      } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        problem = String.format("control or whitespace character U+%04X", (int) c);
      } else if (c > 0x7e) {
        problem = String.format("non-ASCII character U+%04X (percent-encode it)", (int) c);
      } else if (SHELL_METACHARACTERS.indexOf(c) >= 0 && !queryAmpersand) {
        problem = "shell metacharacter '" + c + "'";
      } else if (c == '%' && encodesControl(url, i)) {
        problem = "encoded control character " + url.substring(i, i + 3);
      }
      if (problem != null) {
        throw new FetchRefusedException("the URL contains " + problem + " at index " + i + ": " + printable(url));
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new FetchRefusedException("the URL is malformed (" + e.getReason() + " at index " + e.getIndex() + "): " + url);
    }
    if (!uri.isAbsolute() || uri.isOpaque()) {
      throw new FetchRefusedException("the URL is not absolute (scheme://host/path): " + url);
    }
    if (uri.getHost() == null) {
      throw new FetchRefusedException("the URL has no host name: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchRefusedException("the URL carries user info before its host: " + url);
    }
    return uri;
  }

  /** The host in lower case, without an IPv6 literal's brackets. */
  static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  static boolean hostAllowed(String host, String[] allowedHosts) {
    if (allowedHosts.length == 0) {
      return true;
    }
    for (String entry : allowedHosts) {
      String allowed = entry.toLowerCase(Locale.ROOT);
      if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  private static boolean encodesControl(String url, int at) {
    if (at + 2 >= url.length()) {
      return false;
    }
    int value = Character.digit(url.charAt(at + 1), 16) * 16 + Character.digit(url.charAt(at + 2), 16);
    return Character.digit(url.charAt(at + 1), 16) >= 0
        && Character.digit(url.charAt(at + 2), 16) >= 0
        && (value < 0x20 || value == 0x7f);
  }

  private static boolean contains(String[] values, String value) {
    for (String v : values) {
      if (v.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  /** The URL with control characters escaped, so a refusal is one readable line. */
  private static String printable(String url) {
    StringBuilder b = new StringBuilder();
    String shown = url.length() > 300 ? url.substring(0, 300) + "…" : url;
    for (char c : shown.toCharArray()) {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
