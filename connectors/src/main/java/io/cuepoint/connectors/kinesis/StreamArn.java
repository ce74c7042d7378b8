package io.cuepoint.connectors.kinesis;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kinesis data stream named by its ARN: {@code arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME}. */
public final class StreamArn implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The shape of an ARN, shown in errors. */
  public static final String SHAPE = "arn:aws:kinesis:REGION:ACCOUNT:stream/NAME";

  private static final Pattern ARN =
      Pattern.compile(
          "arn:(aws[a-z-]*):kinesis:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):stream/([A-Za-z0-9_.-]{1,128})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final String arn;
  private final String region;
  private final String name;

  private StreamArn(String arn, String region, String name) {
    this.arn = arn;
    this.region = region;
    this.name = name;
  }

  /**
   * Parses an ARN.
   *
   * @throws IllegalArgumentException saying what is wrong with it, in a few words
   */
  public static StreamArn parse(String text) {
    Matcher m = ARN.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a Kinesis stream ARN (" + SHAPE + ")");
    }
    return new StreamArn(m.group(0), m.group(2), m.group(4));
  }

  /** The ARN of a stream given by name, in a region and account. */
  public static StreamArn of(String partition, String region, String account, String name) {
    return parse("arn:" + partition + ":kinesis:" + region + ":" + account + ":stream/" + name);
  }

  public static boolean looksLikeArn(String text) {
    return text.trim().startsWith("arn:");
  }

  public static boolean isStreamName(String text) {
    return NAME.matcher(text).matches();
  }

  public static boolean isAccountId(String text) {
    return ACCOUNT.matcher(text).matches();
  }

  public String arn() {
    return arn;
  }

  public String region() {
    return region;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamArn && ((StreamArn) o).arn.equals(arn);
  }

  @Override
  public int hashCode() {
    return arn.hashCode();
  }

  @Override
  public String toString() {
    return arn;
  }
}
