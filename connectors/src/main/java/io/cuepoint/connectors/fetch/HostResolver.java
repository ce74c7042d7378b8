package io.cuepoint.connectors.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks up every address of a host name (or parses an address literal). */
@FunctionalInterface
public interface HostResolver {
  /** The JVM's resolver, whose cache the HTTP client's own lookup then hits. */
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
