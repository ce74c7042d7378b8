package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.records.Detection;

/**
 * One decoded video frame, JPEG-encoded, at its exact stream position. Internal to the job (it
 * flows from frame extraction to the detectors), so it is not a stream of the record contract.
 */
public class VideoFrame {
  public String mediaId;
  /** IVS channel carrying the media, when the segment named one. */
  public String channelArn;
  /** Stream position of the frame: its segment's position plus the frame's PTS offset. */
  public long positionMs;
  /** Epoch milliseconds (UTC): the segment's event time plus the frame's offset. */
  public long eventTime;
  /** Media sequence number of the segment the frame came from. */
  public long segmentSequence;
  public int width;
  public int height;
  /** The frame as JPEG, under Rekognition's 5 MB image limit. */
  public byte[] jpeg;
  /** 64-bit perceptual difference hash of the frame. */
  public long dHash;
  /**
   * Set when the frame was skipped as a near-duplicate: the position of the analysed frame whose
   * detections it inherits. Null for a frame that is analysed.
   */
  public Long inheritsFromMs;
  /** Set by the detectors on the way through: what they found in this frame. */
  public Detection detection;
  /**
   * Set by a detector when the frame could not be analysed (refused, failed after its retries, or
   * timed out): the API and why. Such a frame becomes a dead letter.
   */
  public String error;

  public VideoFrame() {}
}
