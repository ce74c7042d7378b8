package io.cuepoint.jobs.config;

import io.cuepoint.connectors.frames.FrameSettings;

/** The frame extraction and near-duplicate settings, checked: one line naming the property. */
public final class FramesConfig {
  public final FrameSettings frames;
  /** Segments being fetched or decoded per decoder subtask. */
  public final int capacity;
  /** Time a segment may take to be fetched and decoded. */
  public final long segmentTimeoutMs;

  private FramesConfig(FrameSettings frames, int capacity, long segmentTimeoutMs) {
    this.frames = frames;
    this.capacity = capacity;
    this.segmentTimeoutMs = segmentTimeoutMs;
  }

  public static FramesConfig of(CuepointConfig config) {
    FrameSettings s = new FrameSettings();
    s.intervalMs = positive(config, Settings.FRAMES_INTERVAL);
    s.maxWidth = config.get(Settings.FRAMES_MAX_WIDTH);
    s.jpegQuality = config.get(Settings.FRAMES_JPEG_QUALITY).floatValue();
    s.maxJpegBytes = config.get(Settings.FRAMES_MAX_JPEG_BYTES);
    s.hammingThreshold = config.get(Settings.FRAMES_HAMMING_THRESHOLD);
    s.maxGapMs = positive(config, Settings.FRAMES_MAX_GAP);
    s.decodeThreads = config.get(Settings.FRAMES_DECODE_THREADS);
    s.carryForwardWaitMs = config.get(Settings.FRAMES_CARRY_FORWARD_WAIT).toMillis();
    if (s.maxGapMs < s.intervalMs) {
      throw new ConfigException(
          Settings.FRAMES_MAX_GAP.id() + ": must be at least " + Settings.FRAMES_INTERVAL.id());
    }
    s.validate();
    return new FramesConfig(
        s, config.get(Settings.FRAMES_CAPACITY), positive(config, Settings.FRAMES_SEGMENT_TIMEOUT));
  }

  private static long positive(CuepointConfig config, Setting<java.time.Duration> setting) {
    long ms = config.get(setting).toMillis();
    if (ms <= 0) {
      throw new ConfigException(setting.id() + ": must be more than 0");
    }
    return ms;
  }
}
