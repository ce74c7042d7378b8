package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.rekognition.FrameDetectionsSplitter;
import io.cuepoint.connectors.rekognition.FrameDetector;
import io.cuepoint.connectors.rekognition.RekognitionSettings;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.records.DeadLetter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Rekognition on the video frames: the async detector, then frames that failed to dead letters.
 * Only used with {@code Rekognition.enabled}; without it no client is made.
 */
public final class RekognitionTopology {
  private RekognitionTopology() {}

  /**
   * @return analysed frames with their detection and skipped frames as they came (a frame one API
   *     failed on still carries the other APIs' detections); the failures are added to {@code
   *     deadLetters}
   */
  public static DataStream<VideoFrame> detect(
      DataStream<VideoFrame> frames, RekognitionSettings settings, List<DataStream<DeadLetter>> deadLetters) {
    SingleOutputStreamOperator<VideoFrame> detected =
        AsyncDataStream.unorderedWait(
                frames,
                new FrameDetector(settings),
                settings.frameTimeoutMs,
                TimeUnit.MILLISECONDS,
                settings.capacity)
            .uid("rekognition-detector")
            .name("Rekognition on frames");
    SingleOutputStreamOperator<VideoFrame> split =
        detected
            .process(new FrameDetectionsSplitter())
            .uid("rekognition-failures")
            .name("Rekognition failures to dead letters");
    deadLetters.add(split.getSideOutput(DeadLetterTag.DEAD_LETTERS));
    return split;
  }
}
