package io.cuepoint.operators.overlay;

/** The overlay up on a channel. */
public class ShownOverlay {
  public String overlayId;
  public String productId;
  public String mediaId;
  /** Exactly what SHOW sent; RESEND sends the same bytes. */
  public String payload;
  public Long shownAt;
  public Long clearAt;
  /** Null when re-sending is off or no re-send comes before the clear. */
  public Long nextResendAt;

  public ShownOverlay() {}
}
