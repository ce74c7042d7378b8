package io.cuepoint.connectors.hls;

/** A playlist that cannot be read as HLS; the message says where and why. */
public final class PlaylistException extends Exception {
  private static final long serialVersionUID = 1L;

  public PlaylistException(String message) {
    super(message);
  }
}
