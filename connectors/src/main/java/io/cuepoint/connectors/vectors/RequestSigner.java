package io.cuepoint.connectors.vectors;

import java.net.URI;
import java.util.Map;

/** Adds authentication headers to a request before it is sent. */
interface RequestSigner {
  RequestSigner NONE = (method, uri, headers, body) -> headers;

  /** The headers to send: the given ones plus whatever authenticates the request. */
  Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body);
}
