package io.cuepoint.schemas.records;

import java.util.Objects;

/** A personalised discount. */
public class Offer {
  public String productId;
  public Double discountPercent;

  public Offer() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Offer)) {
      return false;
    }
    Offer that = (Offer) o;
    return Objects.equals(productId, that.productId)
        && Objects.equals(discountPercent, that.discountPercent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(productId, discountPercent);
  }

  @Override
  public String toString() {
    return "Offer{"
        + "productId=" + productId
        + ", discountPercent=" + discountPercent
        + "}";
  }
}
