package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.frames.DetectionCarryForward;
import io.cuepoint.connectors.frames.FrameOutcomes;
import io.cuepoint.connectors.frames.NearDuplicateFilter;
import io.cuepoint.connectors.frames.SegmentBytesFetcher;
import io.cuepoint.connectors.frames.SegmentFrameDecoder;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.jobs.config.FramesConfig;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.Segment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Frames for the detectors: segments fetched and decoded (async, on the decoders' own threads),
 * failed segments to dead letters, near-duplicate frames skipped per media; and, once the
 * detectors have looked at the analysed frames, their detections carried to the skipped ones.
 *
 * <pre>
 * segments ─► fetch + decode ─► frames ─ keyBy(media) ─► near-duplicates ─► analysed (to the detectors)
 *                                                                      └─► skipped
 * analysed frames with detections ─ keyBy(media) ┬─► carry forward ─► detections of skipped frames
 * skipped ────────────────────────── keyBy(media) ┘
 * </pre>
 */
public final class FramesTopology {
  private FramesTopology() {}

  /** The frames to send to the detectors and the frames skipped as near-duplicates. */
  public static final class Frames {
    public final DataStream<VideoFrame> analysed;
    public final DataStream<VideoFrame> skipped;

    Frames(DataStream<VideoFrame> analysed, DataStream<VideoFrame> skipped) {
      this.analysed = analysed;
      this.skipped = skipped;
    }
  }

  /** @param deadLetters gets a dead letter for each segment that gave no frames */
  public static Frames frames(
      DataStream<Segment> segments,
      FramesConfig config,
      SegmentBytesFetcher.Factory fetchers,
      List<DataStream<DeadLetter>> deadLetters) {
    SingleOutputStreamOperator<VideoFrame> frames =
        AsyncDataStream.unorderedWait(
                segments,
                new SegmentFrameDecoder(config.frames, fetchers),
                config.segmentTimeoutMs,
                TimeUnit.MILLISECONDS,
                config.capacity)
            .uid("frames-decode")
            .name("frames: fetch and decode segments")
            .process(new FrameOutcomes())
            .uid("frames-outcomes")
            .name("frames: failed segments to dead letters");
    deadLetters.add(frames.getSideOutput(DeadLetterTag.DEAD_LETTERS));
    SingleOutputStreamOperator<VideoFrame> analysed =
        frames
            .keyBy(f -> f.mediaId, Types.STRING)
            .process(new NearDuplicateFilter(config.frames))
            .uid("frames-near-duplicates")
            .name("frames: skip near-duplicates");
    return new Frames(analysed, analysed.getSideOutput(NearDuplicateFilter.SKIPPED));
  }

  /**
   * @param detected analysed frames with {@code detection} filled in by a detector
   * @return detections at the positions of the skipped frames
   */
  public static DataStream<Detection> carryForward(
      DataStream<VideoFrame> detected, DataStream<VideoFrame> skipped, FramesConfig config) {
    return detected
        .keyBy(f -> f.mediaId, Types.STRING)
        .connect(skipped.keyBy(f -> f.mediaId, Types.STRING))
        .process(new DetectionCarryForward(config.frames), RecordTypes.of(Detection.class))
        .uid("frames-carry-forward")
        .name("frames: carry detections to skipped frames");
  }
}
