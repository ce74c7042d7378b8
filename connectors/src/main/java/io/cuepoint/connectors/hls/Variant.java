package io.cuepoint.connectors.hls;

/** One {@code #EXT-X-STREAM-INF} entry of a master playlist. */
public final class Variant {
  /** Absolute, resolved against the master playlist's URL. */
  public final String url;
  /** Peak bits per second. */
  public final long bandwidth;
  /** Picture size from {@code RESOLUTION}; 0 when not given. */
  public final int width;
  public final int height;
  /** {@code CODECS}, or empty. */
  public final String codecs;

  public Variant(String url, long bandwidth, int width, int height, String codecs) {
    this.url = url;
    this.bandwidth = bandwidth;
    this.width = width;
    this.height = height;
    this.codecs = codecs;
  }

  /** False only when {@code CODECS} is given and names no video codec (an audio-only rendition). */
  public boolean hasVideo() {
    if (codecs.isEmpty()) {
      return true;
    }
    for (String codec : codecs.split(",")) {
      String c = codec.trim();
      if (c.startsWith("avc") || c.startsWith("hvc") || c.startsWith("hev") || c.startsWith("vp0")
          || c.startsWith("vp9") || c.startsWith("av01") || c.startsWith("mp4v") || c.startsWith("dvh")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return (height > 0 ? width + "x" + height + " " : "") + bandwidth + " bit/s " + url;
  }
}
