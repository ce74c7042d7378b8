package io.cuepoint.schemas.records;

import java.util.Objects;

/** A record that could not be used, with the reason ({@code dead-letters} output). */
public class DeadLetter {
  /** Stream (or file) the record came from. */
  public String input;
  /** Why it was rejected. */
  public String error;
  /** The record's text, cut to a bounded length. */
  public String raw;
  /** Processing time it was rejected, epoch milliseconds. */
  public Long receivedAt;

  public DeadLetter() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DeadLetter)) {
      return false;
    }
    DeadLetter that = (DeadLetter) o;
    return Objects.equals(input, that.input)
        && Objects.equals(error, that.error)
        && Objects.equals(raw, that.raw)
        && Objects.equals(receivedAt, that.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, error, raw, receivedAt);
  }

  @Override
  public String toString() {
    return "DeadLetter{"
        + "input=" + input
        + ", error=" + error
        + ", raw=" + raw
        + ", receivedAt=" + receivedAt
        + "}";
  }
}
