package io.cuepoint.schemas.records;

import java.util.Objects;

/** A span of a media in which a product can be bought from the video ({@code shoppable} output). */
public class ShoppableSpan {
  public String mediaId;
  public String productId;
  public Long fromMs;
  public Long toMs;
  public Double bestSimilarity;

  public ShoppableSpan() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShoppableSpan)) {
      return false;
    }
    ShoppableSpan that = (ShoppableSpan) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(productId, that.productId)
        && Objects.equals(fromMs, that.fromMs)
        && Objects.equals(toMs, that.toMs)
        && Objects.equals(bestSimilarity, that.bestSimilarity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, productId, fromMs, toMs, bestSimilarity);
  }

  @Override
  public String toString() {
    return "ShoppableSpan{"
        + "mediaId=" + mediaId
        + ", productId=" + productId
        + ", fromMs=" + fromMs
        + ", toMs=" + toMs
        + ", bestSimilarity=" + bestSimilarity
        + "}";
  }
}
