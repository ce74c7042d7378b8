package io.cuepoint.connectors.fetch;

import java.net.URI;

/** A fetched body and the URL that answered it, after any redirects. */
public final class Fetched {
  public final URI url;
  public final byte[] body;

  public Fetched(URI url, byte[] body) {
    this.url = url;
    this.body = body;
  }
}
