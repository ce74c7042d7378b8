package io.cuepoint.operators.overlay;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The URLs a payload may carry: {@code https} only, from the configured hosts only (exact names,
 * any case). Viewers scan the link as a QR code, so anything else could send them anywhere.
 */
public final class UrlAllowList implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeSet<String> hosts = new TreeSet<>();

  public UrlAllowList(Set<String> hosts) {
    for (String h : hosts) {
      this.hosts.add(h.trim().toLowerCase(Locale.ROOT));
    }
  }

  /** Why the URL may not go into a payload, or null when it may. */
  public String rejection(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "'" + url + "' is not a valid URL";
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return "'" + url + "' is not https";
    }
    if (uri.getRawUserInfo() != null) {
      return "'" + url + "' carries user information";
    }
    String host = uri.getHost();
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return "host of '" + url + "' is not an allowed host";
    }
    return null;
  }
}
