package io.cuepoint.connectors.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is one that a fetch from the public internet must never reach: the host's
 * own, the local network's, the cloud's instance metadata (169.254.169.254 is link-local) and
 * the like.
 */
public final class AddressCheck {
  private AddressCheck() {}

  /** What kind of non-public address this is, or null for a public one. */
  public static String nonPublicKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "this-network";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "shared (carrier-grade NAT)";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "IETF protocol assignment";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
      if (first >= 240) {
        return "reserved";
      }
      return null;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isIpv4Compatible(b)) {
        return "IPv4-compatible";
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
        return "6to4 (embeds an IPv4 address)";
      }
      if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return "NAT64 (embeds an IPv4 address)";
      }
    }
    return null;
  }

  /** ::a.b.c.d (deprecated; Java reads ::ffff:a.b.c.d as the IPv4 address itself). */
  private static boolean isIpv4Compatible(byte[] b) {
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
