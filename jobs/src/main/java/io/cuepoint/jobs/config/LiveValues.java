package io.cuepoint.jobs.config;

import io.cuepoint.connectors.kinesis.StreamArn;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The shapes of the values of live runs' settings (streams, endpoints, regions, tables). */
final class LiveValues {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private LiveValues() {}

  /** A stream ARN or a stream name. */
  static String stream(String text) {
    if (StreamArn.looksLikeArn(text)) {
      StreamArn.parse(text);
      return text;
    }
    if (!StreamArn.isStreamName(text)) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither a stream name nor a stream ARN (" + StreamArn.SHAPE + ")");
    }
    return text;
  }

  static String endpoint(String text) {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // Same message as any other malformed URL.
    }
    throw new IllegalArgumentException("'" + text + "' is not an http(s) URL like http://127.0.0.1:4567");
  }

  static String region(String text) {
    if (!text.equals("auto") && !isRegion(text)) {
      throw new IllegalArgumentException("'" + text + "' is not an AWS region like us-east-1, nor auto");
    }
    return text;
  }

  /** The shape of an AWS region's name, such as eu-west-1. */
  static boolean isRegion(String text) {
    return REGION.matcher(text).matches();
  }

  static String account(String text) {
    if (!StreamArn.isAccountId(text)) {
      throw new IllegalArgumentException("'" + text + "' is not a 12-digit AWS account id");
    }
    return text;
  }

  static String instant(String text) {
    try {
      Instant.parse(text);
      return text;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 UTC time like 2026-05-30T19:00:00Z");
    }
  }

  static String table(String text) {
    if (!TABLE.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)");
    }
    return text;
  }

  static String consumerName(String text) {
    if (!StreamArn.isStreamName(text)) {
      throw new IllegalArgumentException("'" + text + "' is not a consumer name (1-128 of A-Z a-z 0-9 _ . -)");
    }
    return text;
  }
}
