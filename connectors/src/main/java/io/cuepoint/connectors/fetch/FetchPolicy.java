package io.cuepoint.connectors.fetch;

import java.io.Serializable;

/**
 * What {@link GuardedFetcher} may fetch: which schemes and hosts, whether names may resolve to
 * private addresses, how large a body may be and how long a request may take. The defaults are
 * the safe ones (https only, any public host, no private addresses).
 */
public class FetchPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

  /** Lower-case schemes a URL may have. */
  public String[] allowedSchemes = {"https"};

  /**
   * Hosts a URL may name: exact host names (or address literals), or {@code *.suffix} for any
   * name under {@code suffix} (not {@code suffix} itself). Empty: any host whose addresses are
   * public.
   */
  public String[] allowedHosts = {};

  /**
   * Let names resolve to loopback, private (RFC 1918, unique-local, shared), link-local,
   * multicast or unspecified addresses. Only for tests and deliberate in-network sources.
   */
  public boolean allowPrivateAddresses;

  /** A body larger than this is refused (announced or counted while it streams in). */
  public long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

  public long connectTimeoutMs = 2_000;

  /** Time one request (one redirect hop) may take, from sending to the body's last byte. */
  public long requestTimeoutMs = 10_000;

  /** Redirects followed (each one checked like the first URL) before the fetch is refused. */
  public int maxRedirects = 3;

  public FetchPolicy() {}
}
