package io.cuepoint.schemas.records;

import java.util.Objects;

/** A widget offered to a viewer, in rank order. */
public class RankedWidget {
  public String id;
  public Integer rank;
  public Double score;

  public RankedWidget() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RankedWidget)) {
      return false;
    }
    RankedWidget that = (RankedWidget) o;
    return Objects.equals(id, that.id)
        && Objects.equals(rank, that.rank)
        && Objects.equals(score, that.score);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, rank, score);
  }

  @Override
  public String toString() {
    return "RankedWidget{"
        + "id=" + id
        + ", rank=" + rank
        + ", score=" + score
        + "}";
  }
}
