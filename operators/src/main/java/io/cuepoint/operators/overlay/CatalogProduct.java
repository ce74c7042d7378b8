package io.cuepoint.operators.overlay;

import java.io.Serializable;

/** One product of the catalog, as far as an overlay needs it. */
public class CatalogProduct implements Serializable {
  private static final long serialVersionUID = 1L;

  public String productId;
  public String title;
  /** Optional; shortened in a payload when the whole payload would not fit. */
  public String description;
  /** Decimal text as the catalog writes it, so the payload shows exactly that number. */
  public String price;
  /** ISO 4217 code. */
  public String currency;
  /** Optional. */
  public String imageUrl;
  /** Optional: the shop page the player encodes as a QR code. */
  public String link;
  /** Detection labels that mean this product. */
  public String[] labels = new String[0];

  public CatalogProduct() {}
}
