package io.cuepoint.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.rekognition.RekognitionServer;
import io.cuepoint.connectors.rekognition.RekognitionSettings;
import io.cuepoint.schemas.records.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The detector and the splitter in a job on an embedded Flink (generic types off, parallelism 2),
 * against Rekognition's protocol on loopback: a frame Rekognition rejects and an oversize one
 * become dead letters, the others come out with their detections, and the job goes on.
 */
class RekognitionTopologyTest {
  private static final long T0 = 1_780_167_600_000L;

  @Test
  void failedFramesGoToDeadLettersAndTheOthersComeOutDetected() throws Exception {
    List<String> out = new ArrayList<>();
    try (RekognitionServer server = new RekognitionServer()) {
      server.script =
          call ->
              new String(call.image(), StandardCharsets.UTF_8).startsWith("corrupt")
                  ? RekognitionServer.Reply.error(400, "InvalidImageFormatException")
                  : null;
      RekognitionSettings settings = new RekognitionSettings();
      settings.enabled = true;
      settings.recognizeCelebrities = false;
      settings.region = "eu-west-1";
      settings.endpoint = server.endpoint();
      settings.emulatorCredentials = true;
      // A cold SDK's first call can take seconds on a busy machine.
      settings.callTimeoutMs = 10_000;
      settings.retryBudgetMs = 20_000;
      settings.frameTimeoutMs = 31_000;
      settings.labelsPerSecond = 100;

      List<VideoFrame> frames = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        frames.add(frame(4_000L * i, i == 3 ? "corrupt" : "scene-" + i, null));
      }
      frames.add(frame(40_000, "scene-9", 36_000L));
      VideoFrame oversize = frame(44_000, "huge", null);
      oversize.jpeg = new byte[RekognitionSettings.MAX_IMAGE_BYTES + 1];
      frames.add(oversize);

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.getConfig().disableGenericTypes();
      List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
      DataStream<VideoFrame> detected =
          RekognitionTopology.detect(
              env.fromData(frames, TypeInformation.of(VideoFrame.class)), settings, deadLetters);
      DataStream<String> lines =
          detected
              .map(
                  f ->
                      "frame "
                          + f.positionMs
                          + " "
                          + (f.detection == null ? "inherits " + f.inheritsFromMs : f.detection.source))
              .returns(Types.STRING)
              .union(
                  deadLetters.get(0)
                      .map(d -> "dead " + d.input + " " + d.error.split(":", 2)[0] + " " + d.error)
                      .returns(Types.STRING));
      lines.executeAndCollect().forEachRemaining(out::add);
      assertThat(server.calls("DetectLabels")).hasSize(10);
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      if (i != 3) {
        expected.add("frame " + 4_000L * i + " rekognition:DetectLabels");
      }
    }
    expected.add("frame 40000 inherits 36000");
    assertThat(out).as("all of the output: %s", out).filteredOn(l -> l.startsWith("frame")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(out)
        .as("all of the output: %s", out)
        .filteredOn(l -> l.startsWith("dead"))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("dead frames DetectLabels DetectLabels: InvalidImageFormatException (400)"))
        .anySatisfy(l -> assertThat(l).startsWith("dead frames Rekognition Rekognition: not sent, the image of 5242881 bytes"));
  }

  private static VideoFrame frame(long positionMs, String scene, Long inheritsFromMs) {
    VideoFrame f = new VideoFrame();
    f.mediaId = "final-2026";
    f.positionMs = positionMs;
    f.eventTime = T0 + positionMs;
    f.width = 1280;
    f.height = 720;
    f.jpeg = (scene + "@" + positionMs).getBytes(StandardCharsets.UTF_8);
    f.inheritsFromMs = inheritsFromMs;
    return f;
  }
}
