package io.cuepoint.operators.overlay;

import java.util.Arrays;
import java.util.Objects;

/**
 * The products one detection record puts on screen (at or above the trigger confidence), and the
 * channel its media is on once that is known.
 */
public class ProductFrame {
  public String mediaId;
  /** Null until {@link MediaChannels} has found the media's channel. */
  public String channelArn;
  /** The detection's source: frames of one source follow each other, other sources interleave. */
  public String source;
  public Long eventTime;
  public Long positionMs;
  /** Sorted, distinct. */
  public String[] productIds = new String[0];
  /** Best confidence of each product in the record, same order as {@link #productIds}. */
  public double[] confidences = new double[0];

  public ProductFrame() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProductFrame)) {
      return false;
    }
    ProductFrame that = (ProductFrame) o;
    return Objects.equals(mediaId, that.mediaId)
        && Objects.equals(channelArn, that.channelArn)
        && Objects.equals(source, that.source)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(positionMs, that.positionMs)
        && Arrays.equals(productIds, that.productIds)
        && Arrays.equals(confidences, that.confidences);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaId, channelArn, source, eventTime, positionMs)
        + 31 * Arrays.hashCode(productIds);
  }

  @Override
  public String toString() {
    return "ProductFrame{mediaId=" + mediaId + ", channelArn=" + channelArn + ", source=" + source
        + ", eventTime=" + eventTime + ", positionMs=" + positionMs
        + ", productIds=" + Arrays.toString(productIds) + "}";
  }
}
