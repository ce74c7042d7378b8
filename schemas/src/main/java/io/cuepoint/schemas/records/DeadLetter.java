package io.cuepoint.schemas.records;

import java.util.Objects;

/** A record that could not be used, with the reason ({@code dead-letters} output). */
public class DeadLetter {
  /**
   * Stable id: the input and a hash of the record's full text, the same each time that record is
   * rejected, so consumers can drop the repeats an at-least-once sink writes.
   */
  public String id;
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
    return Objects.equals(id, that.id)
        && Objects.equals(input, that.input)
        && Objects.equals(error, that.error)
        && Objects.equals(raw, that.raw)
        && Objects.equals(receivedAt, that.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, input, error, raw, receivedAt);
  }

  @Override
  public String toString() {
    return "DeadLetter{"
        + "id=" + id
        + ", input=" + input
        + ", error=" + error
        + ", raw=" + raw
        + ", receivedAt=" + receivedAt
        + "}";
  }
}
