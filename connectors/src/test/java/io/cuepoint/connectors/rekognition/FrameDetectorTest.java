package io.cuepoint.connectors.rekognition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.rekognition.RekognitionServer.Call;
import io.cuepoint.connectors.rekognition.RekognitionServer.Reply;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame detector with the real SDK v2 async client (Netty) against Rekognition's JSON 1.1
 * protocol on loopback, behind Flink's async I/O operator.
 */
class FrameDetectorTest {
  static final String PROJECT_VERSION =
      "arn:aws:rekognition:eu-west-1:123456789012:project/kit/version/kit.2026-05-01/1714550400000";

  private static RekognitionServer server;
  private RekognitionSettings settings;

  @BeforeAll
  static void start() throws Exception {
    server = new RekognitionServer();
    // The JVM's first SDK call loads and starts a lot (seconds on a busy machine): done here once,
    // so no test's call timeouts and budgets have to allow for it.
    RekognitionSettings warmUp = new RekognitionSettings();
    warmUp.region = "eu-west-1";
    warmUp.endpoint = server.endpoint();
    warmUp.emulatorCredentials = true;
    warmUp.callTimeoutMs = 60_000;
    try (var client = RekognitionClients.build(warmUp)) {
      client.detectLabels(b -> b.image(i -> i.bytes(software.amazon.awssdk.core.SdkBytes.fromUtf8String("warm-up")))).join();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void settings() {
    server.reset();
    settings = new RekognitionSettings();
    settings.enabled = true;
    settings.region = "eu-west-1";
    settings.endpoint = server.endpoint();
    settings.emulatorCredentials = true;
    settings.detectLabels = true;
    settings.recognizeCelebrities = false;
    settings.detectCustomLabels = false;
    settings.labelsPerSecond = 1_000;
    settings.celebritiesPerSecond = 1_000;
    settings.customLabelsPerSecond = 1_000;
    settings.minConfidence = 60;
    settings.maxLabels = 7;
    // Generous: a cold SDK on a busy machine can take a second over its first call.
    settings.callTimeoutMs = 2_000;
    settings.retryBudgetMs = 3_000;
    settings.initialBackoffMs = 20;
    settings.frameTimeoutMs = 20_000;
  }

  @Test
  void labelsCelebritiesAndCustomLabelsOfAFrameBecomeOneDetectionWithBoxes() throws Exception {
    settings.recognizeCelebrities = true;
    settings.detectCustomLabels = true;
    settings.projectVersionArn = PROJECT_VERSION;
    VideoFrame frame = frame(12_000, "scene-a");

    List<VideoFrame> out = run(frame);

    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.error).isNull();
      assertThat(f.positionMs).isEqualTo(12_000);
      assertThat(f.jpeg).isEqualTo(frame.jpeg);
      assertThat(f.detection.mediaId).isEqualTo("final-2026");
      assertThat(f.detection.positionMs).isEqualTo(12_000L);
      assertThat(f.detection.eventTime).isEqualTo(frame.eventTime);
      assertThat(f.detection.source)
          .isEqualTo("rekognition:DetectLabels+RecognizeCelebrities+DetectCustomLabels");
      assertThat(f.detection.items)
          .containsExactlyInAnyOrder(
              item(ItemKind.LABEL, "Person", 99.5, null),
              item(ItemKind.LABEL, "Person", 98.25, box(0.1, 0.3, 0.2, 0.5)),
              item(ItemKind.LABEL, "Person", 97.0, box(0.6, 0.25, 0.25, 0.5)),
              item(ItemKind.LABEL, "Soccer Ball", 91.0, null),
              // Reaches past the right edge and above the top: cut to the frame.
              item(ItemKind.LABEL, "Soccer Ball", 90.5, box(0.97, 0.0, 0.03, 0.04)),
              item(ItemKind.LABEL, "Grass", 88.0, null),
              // "Barely Alike" matched with 40 < min-confidence 60: left out.
              item(ItemKind.CELEBRITY, "Jane Striker", 97.0, box(0.4, 0.2, 0.1, 0.15)),
              item(ItemKind.CUSTOM_LABEL, "volt-can", 93.5, box(0.5, 0.6, 0.08, 0.2)),
              item(ItemKind.CUSTOM_LABEL, "stadium-board", 81.0, null));
    });
    Map<String, List<Call>> byOperation =
        server.calls.stream().collect(Collectors.groupingBy(c -> c.operation));
    assertThat(byOperation.keySet())
        .containsExactlyInAnyOrder("DetectLabels", "RecognizeCelebrities", "DetectCustomLabels");
    for (Call call : server.calls) {
      assertThat(call.contentType).isEqualTo(RekognitionServer.CONTENT_TYPE);
      assertThat(call.image()).isEqualTo(frame.jpeg);
    }
    JsonNode labels = byOperation.get("DetectLabels").get(0).body;
    assertThat(labels.path("MaxLabels").asInt()).isEqualTo(7);
    assertThat(labels.path("MinConfidence").asDouble()).isEqualTo(60.0);
    JsonNode custom = byOperation.get("DetectCustomLabels").get(0).body;
    assertThat(custom.path("ProjectVersionArn").asText()).isEqualTo(PROJECT_VERSION);
    assertThat(custom.path("MaxResults").asInt()).isEqualTo(7);
    assertThat(custom.path("MinConfidence").asDouble()).isEqualTo(60.0);
    assertThat(byOperation.get("RecognizeCelebrities").get(0).body.fieldNames())
        .toIterable()
        .containsExactly("Image");
  }

  @Test
  void aSkippedFramePassesThroughWithoutACall() throws Exception {
    VideoFrame skipped = frame(16_000, "scene-a");
    skipped.inheritsFromMs = 12_000L;

    List<VideoFrame> out = run(skipped);

    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.inheritsFromMs).isEqualTo(12_000L);
      assertThat(f.detection).isNull();
      assertThat(f.error).isNull();
    });
    assertThat(server.calls).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "400, ThrottlingException",
    "400, ProvisionedThroughputExceededException",
    "429, TooManyRequestsException",
    "500, InternalServerError",
    "503, ServiceUnavailable"
  })
  void throttlingAndServerErrorsAreRetriedUntilAnAnswer(int status, String type) throws Exception {
    server.script = call -> call.number <= 2 ? Reply.error(status, type) : null;

    List<VideoFrame> out = run(frame(4_000, "scene-a"));

    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.error).isNull();
      assertThat(f.detection.source).isEqualTo("rekognition:DetectLabels");
      assertThat(f.detection.items).extracting(i -> i.name).contains("Person", "Grass");
    });
    assertThat(server.calls("DetectLabels")).hasSize(3);
  }

  @Test
  void persistentThrottlingBecomesADeadLetterOnceTheRetryBudgetIsSpent() throws Exception {
    settings.retryBudgetMs = 800;
    server.script = call -> Reply.error(400, "ThrottlingException");

    List<VideoFrame> out = run(frame(8_000, "scene-a"));
    DetectorHarness.Split split = DetectorHarness.split(out);

    List<Call> calls = server.calls("DetectLabels");
    assertThat(calls.size()).isGreaterThan(2);
    long spanMs = (calls.get(calls.size() - 1).arrivedNanos - calls.get(0).arrivedNanos) / 1_000_000L;
    // No retry starts after the budget (the last one may take a moment to arrive).
    assertThat(spanMs).isLessThan(settings.retryBudgetMs + 500);
    assertThat(split.frames).isEmpty();
    assertThat(split.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.input).isEqualTo("frames");
      assertThat(d.error)
          .startsWith("DetectLabels: ThrottlingException (400)")
          .contains("gave up after " + calls.size() + " attempts");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"ImageTooLargeException", "InvalidImageFormatException", "AccessDeniedException"})
  void requestsRekognitionRejectsAreNotRetried(String type) throws Exception {
    server.script = call -> Reply.error(400, type);

    List<VideoFrame> out = run(frame(8_000, "scene-a"));

    assertThat(server.calls).hasSize(1);
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.detection).isNull();
      assertThat(f.error).isEqualTo("DetectLabels: " + type + " (400): scripted " + type);
    });
  }

  @Test
  void anImageOverFiveMegabytesIsRefusedWithoutACall() throws Exception {
    VideoFrame big = frame(8_000, "scene-a");
    big.jpeg = new byte[RekognitionSettings.MAX_IMAGE_BYTES + 1];
    VideoFrame justFits = frame(12_000, "scene-b");
    justFits.jpeg = new byte[RekognitionSettings.MAX_IMAGE_BYTES];
    justFits.jpeg[0] = 7;

    List<VideoFrame> out;
    try (DetectorHarness h = new DetectorHarness(settings)) {
      h.send(big);
      h.send(justFits);
      out = h.finish();
      assertThat(h.detector.metrics().framesRefused.getCount()).isEqualTo(1);
    }

    // Only the image that fits was sent (more than once if a slow machine timed an upload out).
    assertThat(server.calls).isNotEmpty().allSatisfy(c -> assertThat(c.image()).isEqualTo(justFits.jpeg));
    Map<Long, VideoFrame> byPosition = out.stream().collect(Collectors.toMap(f -> f.positionMs, f -> f));
    assertThat(byPosition.get(8_000L).error)
        .isEqualTo(
            "Rekognition: not sent, the image of 5242881 bytes is over Rekognition's limit of 5242880 bytes");
    assertThat(byPosition.get(12_000L).error).isNull();
  }

  @Test
  void aCallWithoutAnAnswerInTimeIsRetriedThenGivenUp() throws Exception {
    settings.callTimeoutMs = 300;
    settings.retryBudgetMs = 900;
    server.script = call -> Reply.slow(1_500);

    List<VideoFrame> out = run(frame(8_000, "scene-a"));

    assertThat(server.calls("DetectLabels").size()).isGreaterThan(1);
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.detection).isNull();
      assertThat(f.error).startsWith("DetectLabels: ApiCall").contains("TimeoutException").contains("gave up after");
    });
  }

  @Test
  void aFrameWithoutAnOutcomeWithinTheFrameTimeoutIsADeadLetterAndItsWaitingCallIsNeverSent()
      throws Exception {
    settings.retryBudgetMs = 0;
    settings.frameTimeoutMs = 2_500;
    // One call every 5 s: the second frame waits for its token past its frame timeout.
    settings.labelsPerSecond = 0.2;

    List<VideoFrame> out;
    try (DetectorHarness h = new DetectorHarness(settings)) {
      h.send(frame(4_000, "scene-a"));
      h.send(frame(8_000, "scene-b"));
      awaitUntil(() -> h.detector.metrics().framesDetected.getCount() == 1);
      // The async operator's timeouts run on processing time, which the harness moves.
      h.setProcessingTime(settings.frameTimeoutMs + 1);
      out = h.finish();
      assertThat(h.detector.metrics().framesTimedOut.getCount()).isEqualTo(1);
    }

    Map<Long, VideoFrame> byPosition = out.stream().collect(Collectors.toMap(f -> f.positionMs, f -> f));
    assertThat(byPosition.get(4_000L).error).isNull();
    assertThat(byPosition.get(8_000L).error)
        .isEqualTo("Rekognition: no outcome within the frame timeout of 2500 ms");
    assertThat(server.calls).singleElement().satisfies(c -> assertThat(c.image()).isEqualTo(frame(4_000, "scene-a").jpeg));
  }

  @Test
  void eachApiKeepsToItsCallsPerSecondAsTheServerCountsThem() throws Exception {
    settings.recognizeCelebrities = true;
    settings.labelsPerSecond = 20;
    settings.celebritiesPerSecond = 10;
    int frames = 36;

    List<VideoFrame> out;
    try (DetectorHarness h = new DetectorHarness(settings)) {
      // A cold client's first calls wait for its connections and then arrive together, which
      // says nothing of the rate they were sent at: count from a warm client.
      h.send(frame(0, "warm-up"));
      awaitUntil(() -> h.detector.metrics().framesDetected.getCount() == 1);
      server.reset();
      for (int i = 1; i <= frames; i++) {
        h.send(frame(4_000L * i, "scene-" + i));
      }
      out = h.finish();
    }

    assertThat(out).hasSize(frames + 1).allSatisfy(f -> assertThat(f.error).isNull());
    assertThat(server.calls("DetectLabels")).hasSize(frames);
    assertThat(server.calls("RecognizeCelebrities")).hasSize(frames);
    // The bucket holds a tenth of a second's calls (at least one), so any second of sending has at
    // most rate + burst calls; one more is allowed for the network moving arrivals closer together.
    assertThat(server.mostCallsInAnySecond("DetectLabels")).isBetween(15, 20 + 2 + 1);
    assertThat(server.mostCallsInAnySecond("RecognizeCelebrities")).isBetween(8, 10 + 1 + 1);
  }

  @Test
  void failedFramesBecomeDeadLettersWhileTheOthersComeOutWithDetections() throws Exception {
    settings.recognizeCelebrities = true;
    settings.retryBudgetMs = 300;
    Function<Call, String> scene = c -> new String(c.image(), StandardCharsets.UTF_8);
    server.script =
        call -> {
          if (scene.apply(call).startsWith("corrupt")) {
            return Reply.error(400, "InvalidImageFormatException");
          }
          if (scene.apply(call).startsWith("crowd") && call.operation.equals("RecognizeCelebrities")) {
            return Reply.error(400, "ThrottlingException");
          }
          return null;
        };
    VideoFrame good = frame(4_000, "pitch");
    VideoFrame corrupt = frame(8_000, "corrupt");
    VideoFrame crowd = frame(12_000, "crowd");
    VideoFrame skipped = frame(14_000, "pitch");
    skipped.inheritsFromMs = 4_000L;
    VideoFrame oversize = frame(16_000, "huge");
    oversize.jpeg = new byte[RekognitionSettings.MAX_IMAGE_BYTES + 10];

    List<VideoFrame> detected;
    DetectorMetrics metrics;
    try (DetectorHarness h = new DetectorHarness(settings)) {
      for (VideoFrame f : List.of(good, corrupt, crowd, skipped, oversize)) {
        h.send(f);
      }
      detected = h.finish();
      metrics = h.detector.metrics();
    }
    DetectorHarness.Split split = DetectorHarness.split(detected);

    Map<Long, VideoFrame> on = split.frames.stream().collect(Collectors.toMap(f -> f.positionMs, f -> f));
    assertThat(on.keySet()).containsExactlyInAnyOrder(4_000L, 12_000L, 14_000L);
    assertThat(on.get(4_000L).detection.source).isEqualTo("rekognition:DetectLabels+RecognizeCelebrities");
    assertThat(on.get(14_000L).inheritsFromMs).isEqualTo(4_000L);
    // Celebrities failed, labels answered: the labels go on, the failure is a dead letter too.
    assertThat(on.get(12_000L).detection.source).isEqualTo("rekognition:DetectLabels");
    assertThat(on.get(12_000L).detection.items).extracting(i -> i.kind).containsOnly(ItemKind.LABEL);

    Map<Long, DeadLetter> dead =
        split.deadLetters.stream()
            .collect(Collectors.toMap(d -> positionOf(d.raw), d -> d));
    assertThat(dead.keySet()).containsExactlyInAnyOrder(8_000L, 12_000L, 16_000L);
    assertThat(dead.values()).allSatisfy(d -> {
      assertThat(d.input).isEqualTo("frames");
      assertThat(d.id).startsWith("frames:");
      assertThat(d.receivedAt).isNotNull();
    });
    assertThat(dead.get(8_000L).error)
        .contains("DetectLabels: InvalidImageFormatException (400)")
        .contains("RecognizeCelebrities: InvalidImageFormatException (400)");
    assertThat(dead.get(12_000L).error).startsWith("RecognizeCelebrities: ThrottlingException (400)");
    assertThat(dead.get(16_000L).error).startsWith("Rekognition: not sent, the image of 5242890 bytes");
    JsonNode raw = RekognitionServer.JSON.readTree(dead.get(8_000L).raw);
    assertThat(raw.path("mediaId").asText()).isEqualTo("final-2026");
    assertThat(raw.path("jpegBytes").asInt()).isEqualTo(corrupt.jpeg.length);
    assertThat(raw.has("jpeg")).isFalse();
    assertThat(dead.get(16_000L).raw).hasSizeLessThan(400);

    assertThat(metrics.framesSent.getCount()).isEqualTo(3);
    assertThat(metrics.framesSkipped.getCount()).isEqualTo(1);
    assertThat(metrics.framesRefused.getCount()).isEqualTo(1);
    assertThat(metrics.framesDetected.getCount()).isEqualTo(1);
    assertThat(metrics.framesFailed.getCount()).isEqualTo(2);
    ApiMetrics labels = metrics.apis.get(RekognitionApi.DETECT_LABELS);
    ApiMetrics celebrities = metrics.apis.get(RekognitionApi.RECOGNIZE_CELEBRITIES);
    assertThat(labels.imagesAnalysed.getCount()).isEqualTo(2);
    assertThat(labels.failures.getCount()).isEqualTo(1);
    assertThat(labels.calls.getCount()).isEqualTo(3);
    assertThat(celebrities.imagesAnalysed.getCount()).isEqualTo(1);
    assertThat(celebrities.throttles.getCount()).isEqualTo(celebrities.calls.getCount() - 2);
    assertThat(celebrities.retries.getCount()).isEqualTo(celebrities.throttles.getCount() - 1);
    assertThat(celebrities.failures.getCount()).isEqualTo(2);
    // Three images analysed at the default 0.001 USD each.
    assertThat(metrics.estimatedCost(settings)).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
  }

  private List<VideoFrame> run(VideoFrame... frames) throws Exception {
    try (DetectorHarness h = new DetectorHarness(settings)) {
      for (VideoFrame f : frames) {
        h.send(f);
      }
      return h.finish();
    }
  }

  private static long positionOf(String raw) {
    try {
      return RekognitionServer.JSON.readTree(raw).path("positionMs").asLong();
    } catch (java.io.IOException e) {
      throw new AssertionError("raw is not JSON: " + raw, e);
    }
  }

  static VideoFrame frame(long positionMs, String scene) {
    VideoFrame f = new VideoFrame();
    f.mediaId = "final-2026";
    f.channelArn = "arn:aws:ivs:eu-west-1:123456789012:channel/AbCdEf123456";
    f.positionMs = positionMs;
    f.eventTime = 1_780_160_000_000L + positionMs;
    f.segmentSequence = positionMs / 6_000;
    f.width = 1280;
    f.height = 720;
    f.jpeg = (scene + "@" + positionMs).getBytes(StandardCharsets.UTF_8);
    f.dHash = positionMs * 31;
    return f;
  }

  static DetectionItem item(ItemKind kind, String name, double confidence, BoundingBox box) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    i.box = box;
    return i;
  }

  static BoundingBox box(double left, double top, double width, double height) {
    BoundingBox b = new BoundingBox();
    b.left = left;
    b.top = top;
    b.width = width;
    b.height = height;
    return b;
  }

  static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    // The result is handed to the operator just after the counter moves.
    Thread.sleep(200);
  }
}
