package io.cuepoint.schemas.codec;

import io.cuepoint.schemas.records.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Builds dead letters with the raw text and the reason cut to bounded sizes. */
public final class DeadLetters {
  public static final int MAX_RAW_CHARS = 4096;
  public static final int MAX_ERROR_CHARS = 1024;

  private DeadLetters() {}

  public static DeadLetter of(String input, String error, String raw, long receivedAt) {
    DeadLetter d = new DeadLetter();
    d.id = id(input, raw == null ? error : raw);
    d.input = input;
    d.error = cut(error == null ? "unknown error" : error, MAX_ERROR_CHARS);
    d.raw = raw == null ? null : cut(raw, MAX_RAW_CHARS);
    d.receivedAt = receivedAt;
    return d;
  }

  /** The input and the first 64 bits of the SHA-256 of the whole record text, in hex. */
  static String id(String input, String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(input).append(':');
      for (int i = 0; i < 8; i++) {
        id.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    // Never split a surrogate pair: half a character is not valid UTF-16 (nor writable as UTF-8).
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "...[" + (text.length() - end) + " more characters]";
  }
}
