package io.cuepoint.connectors.rekognition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.codec.DeadLetters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * After {@link FrameDetector}: a frame with an error becomes a dead letter (input {@code frames},
 * the error as the reason, the frame's metadata as JSON without the image as the raw text). Every
 * frame with detections (even partial ones, when one API failed and another answered) or inherited
 * from an analysed frame goes on.
 */
public class FrameDetectionsSplitter extends ProcessFunction<VideoFrame, VideoFrame> {
  private static final long serialVersionUID = 1L;
  public static final String INPUT = "frames";
  private static final ObjectMapper JSON = new ObjectMapper();

  private transient Counter deadLetters;

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().addGroup("rekognition").counter("frameDeadLetters");
  }

  @Override
  public void processElement(VideoFrame frame, Context ctx, Collector<VideoFrame> out) {
    if (frame.error != null) {
      deadLetters.inc();
      ctx.output(
          DeadLetterTag.DEAD_LETTERS,
          DeadLetters.of(INPUT, frame.error, metadata(frame), ctx.timerService().currentProcessingTime()));
    }
    if (frame.error == null || frame.detection != null) {
      out.collect(frame);
    }
  }

  /** The frame without its image bytes (only their count). */
  static String metadata(VideoFrame frame) {
    ObjectNode o = JSON.createObjectNode();
    o.put("mediaId", frame.mediaId);
    if (frame.channelArn != null) {
      o.put("channelArn", frame.channelArn);
    }
    o.put("positionMs", frame.positionMs);
    o.put("eventTime", frame.eventTime);
    o.put("segmentSequence", frame.segmentSequence);
    o.put("width", frame.width);
    o.put("height", frame.height);
    o.put("jpegBytes", frame.jpeg == null ? 0 : frame.jpeg.length);
    o.put("dHash", Long.toHexString(frame.dHash));
    if (frame.inheritsFromMs != null) {
      o.put("inheritsFromMs", frame.inheritsFromMs);
    }
    return o.toString();
  }
}
