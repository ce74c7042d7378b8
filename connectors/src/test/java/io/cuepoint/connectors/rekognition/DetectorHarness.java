package io.cuepoint.connectors.rekognition;

import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.records.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The detector behind Flink's async I/O operator as the job runs it, followed by the splitter:
 * frames in, frames with detections and dead letters out.
 */
final class DetectorHarness implements AutoCloseable {
  final FrameDetector detector;
  private final OneInputStreamOperatorTestHarness<VideoFrame, VideoFrame> harness;

  DetectorHarness(RekognitionSettings settings) throws Exception {
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    detector = new FrameDetector(settings);
    harness =
        new OneInputStreamOperatorTestHarness<>(
            new AsyncWaitOperatorFactory<>(
                detector, settings.frameTimeoutMs, settings.capacity, AsyncDataStream.OutputMode.UNORDERED),
            TypeInformation.of(VideoFrame.class).createSerializer(config.getSerializerConfig()));
    harness.open();
  }

  void send(VideoFrame frame) throws Exception {
    harness.processElement(new StreamRecord<>(frame, frame.eventTime));
  }

  void setProcessingTime(long ms) throws Exception {
    harness.setProcessingTime(ms);
  }

  /** Waits for every frame in flight; returns the detector's output. */
  List<VideoFrame> finish() throws Exception {
    harness.endInput();
    return new ArrayList<>(harness.extractOutputValues());
  }

  /** The splitter's two outputs for the given detector output. */
  static Split split(List<VideoFrame> detected) throws Exception {
    try (OneInputStreamOperatorTestHarness<VideoFrame, VideoFrame> splitter =
        ProcessFunctionTestHarnesses.forProcessFunction(new FrameDetectionsSplitter())) {
      for (VideoFrame f : detected) {
        splitter.processElement(f, f.eventTime);
      }
      List<DeadLetter> dead = new ArrayList<>();
      if (splitter.getSideOutput(DeadLetterTag.DEAD_LETTERS) != null) {
        splitter.getSideOutput(DeadLetterTag.DEAD_LETTERS).forEach(r -> dead.add(r.getValue()));
      }
      return new Split(new ArrayList<>(splitter.extractOutputValues()), dead);
    }
  }

  static final class Split {
    final List<VideoFrame> frames;
    final List<DeadLetter> deadLetters;

    Split(List<VideoFrame> frames, List<DeadLetter> deadLetters) {
      this.frames = frames;
      this.deadLetters = deadLetters;
    }
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
