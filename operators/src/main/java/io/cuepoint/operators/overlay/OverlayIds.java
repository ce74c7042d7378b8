package io.cuepoint.operators.overlay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Overlay ids derived from what decided the overlay (channel, product, show time), so the same
 * decision made again (a replay, a restore from a checkpoint) has the same id and a player that
 * already shows it ignores the repeat. Short, because every byte counts against the 1 KB payload.
 */
public final class OverlayIds {
  private OverlayIds() {}

  public static String of(String channelArn, String productId, long shownAt) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] digest =
        sha.digest((channelArn + "\n" + productId + "\n" + shownAt).getBytes(StandardCharsets.UTF_8));
    StringBuilder id = new StringBuilder("ov-");
    for (int i = 0; i < 10; i++) {
      id.append(Character.forDigit((digest[i] >> 4) & 0xF, 16));
      id.append(Character.forDigit(digest[i] & 0xF, 16));
    }
    return id.toString();
  }
}
