package io.cuepoint.connectors.frames;

import java.io.Serializable;

/** How frames are sampled from segments, encoded, and thinned out before detection. */
public class FrameSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rekognition's limit for an image passed as bytes. */
  public static final int REKOGNITION_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

  /** Distance of the sampling grid on stream positions: the first frame at or after each multiple. */
  public long intervalMs = 4_000L;

  /** Frames wider than this are scaled down to it, keeping their aspect ratio. */
  public int maxWidth = 1280;

  /** JPEG quality (0-1) tried first; lowered step by step until the image fits maxJpegBytes. */
  public float jpegQuality = 0.85f;

  /** Largest JPEG a frame may become. */
  public int maxJpegBytes = REKOGNITION_MAX_IMAGE_BYTES;

  /** A frame whose dHash is at most this many bits from the last analysed frame's is skipped. */
  public int hammingThreshold = NearDuplicateFilter.DEFAULT_HAMMING_THRESHOLD;

  /** A frame this far (stream position) past the last analysed frame is analysed anyway. */
  public long maxGapMs = 30_000L;

  /** Threads per decoder subtask that decode segments; the task thread never decodes. */
  public int decodeThreads = 1;

  /** Time (event time) a skipped frame waits for the detections of the frame it inherits from. */
  public long carryForwardWaitMs = 10_000L;

  public FrameSettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    require(intervalMs > 0, "intervalMs must be positive");
    require(maxWidth >= 16, "maxWidth must be at least 16");
    require(jpegQuality > 0 && jpegQuality <= 1, "jpegQuality must be in (0, 1]");
    require(
        maxJpegBytes >= 1024 && maxJpegBytes <= REKOGNITION_MAX_IMAGE_BYTES,
        "maxJpegBytes must be in 1024.." + REKOGNITION_MAX_IMAGE_BYTES);
    require(hammingThreshold >= 0 && hammingThreshold <= 64, "hammingThreshold must be in 0..64");
    require(maxGapMs > 0, "maxGapMs must be positive");
    require(decodeThreads >= 1, "decodeThreads must be at least 1");
    require(carryForwardWaitMs >= 0, "carryForwardWaitMs must not be negative");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
