package io.cuepoint.connectors.shoppable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.embedding.BedrockServer;
import io.cuepoint.connectors.embedding.BedrockSettings;
import io.cuepoint.connectors.embedding.CountingListener;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.retry.RetryPolicy;
import io.cuepoint.connectors.vectors.OpenSearchSettings;
import io.cuepoint.connectors.vectors.OpenSearchServer;
import io.cuepoint.connectors.vectors.OpenSearchVectorIndexWriter;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Product matching as the job runs it (Flink's async I/O operator) with the real Bedrock embedder
 * and OpenSearch index against their protocols on loopback. The stand-in model embeds an image
 * as its mean colour, so a red box in a frame is nearest the red product and an orange one is
 * only somewhat like it.
 */
class ProductMatcherTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final BoundingBox RED_BOX = box(0.1, 0.1, 0.3, 0.3);
  private static final BoundingBox ORANGE_BOX = box(0.6, 0.1, 0.3, 0.3);
  private static final BoundingBox BLUE_BOX = box(0.1, 0.6, 0.3, 0.3);
  private static final double MIN_SIMILARITY = 0.95;

  private static BedrockServer bedrock;
  private static OpenSearchServer openSearch;

  @BeforeAll
  static void start() throws Exception {
    bedrock = new BedrockServer();
    bedrock.embedding = ProductMatcherTest::meanColour;
    openSearch = new OpenSearchServer();
    try (OpenSearchVectorIndexWriter w =
        new OpenSearchVectorIndexWriter(openSearchSettings(2_000), "amazon.titan-embed-image-v1:256", 256, new CountingListener())) {
      w.upsert("prod-red", "fp", colour(1, 0, 0)).get(10, TimeUnit.SECONDS);
      w.upsert("prod-green", "fp", colour(0, 1, 0)).get(10, TimeUnit.SECONDS);
      w.upsert("prod-blue", "fp", colour(0, 0, 1)).get(10, TimeUnit.SECONDS);
      w.commit().get(10, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    bedrock.close();
    openSearch.close();
  }

  @BeforeEach
  void reset() {
    bedrock.reset(n -> BedrockServer.Answer.EMBED);
    openSearch.failures.clear();
  }

  @Test
  void aBoxThatLooksLikeAProductBecomesAProductItemAndALooseLikenessDoesNot() throws Exception {
    VideoFrame frame = frame(
        item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX),
        item(ItemKind.LABEL, "Shoe", 80.0, ORANGE_BOX),
        item(ItemKind.LABEL, "Person", 99.0, null),
        item(ItemKind.CELEBRITY, "Someone", 95.0, BLUE_BOX));
    ProductMatcher matcher = matcher(new MatcherSettings(), 2_000);

    List<VideoFrame> out = run(matcher, frame);

    assertThat(out).hasSize(1);
    DetectionItem[] items = out.get(0).detection.items;
    assertThat(Arrays.copyOf(items, 4)).containsExactly(frame.detection.items);
    assertThat(items).hasSize(5);
    DetectionItem product = items[4];
    assertThat(product.kind).isEqualTo(ItemKind.PRODUCT);
    assertThat(product.name).isEqualTo("prod-red");
    assertThat(product.confidence).isGreaterThanOrEqualTo(MIN_SIMILARITY * 100).isLessThanOrEqualTo(100.0);
    assertThat(product.box).isEqualTo(RED_BOX);
    // The orange box is about 0.89 alike the red product: below the threshold. The celebrity's
    // box is a face, not a product, and is not even cropped.
    assertThat(bedrock.calls).hasSize(2);
    MatcherMetrics m = matcher.metrics();
    assertThat(m.crops.getCount()).isEqualTo(2);
    assertThat(m.embedCalls.getCount()).isEqualTo(2);
    assertThat(m.lookups.getCount()).isEqualTo(2);
    assertThat(m.matches.getCount()).isEqualTo(1);
    assertThat(m.belowThreshold.getCount()).isEqualTo(1);
    assertThat(m.fallbacks.getCount()).isZero();
    assertThat(out.get(0).jpeg).isEqualTo(frame.jpeg);
    assertThat(out.get(0).positionMs).isEqualTo(frame.positionMs);
  }

  @Test
  void theMatcherTravelsToTheTaskManagersSerialized() throws Exception {
    ProductMatcher copy = org.apache.flink.util.InstantiationUtil.clone(matcher(new MatcherSettings(), 2_000));
    List<VideoFrame> out = run(copy, frame(item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX)));
    assertThat(out.get(0).detection.items[1].name).isEqualTo("prod-red");
  }

  @Test
  void theCropsReachTheModelAsTheBoxedRegion() throws Exception {
    run(matcher(new MatcherSettings(), 2_000), frame(item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX)));

    byte[] crop = java.util.Base64.getDecoder().decode(bedrock.calls.get(0).body.path("inputImage").asText());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(crop));
    assertThat(image.getWidth()).isEqualTo(96);
    assertThat(image.getHeight()).isEqualTo(72);
  }

  @Test
  void onlyProductLikeLabelsAndAtMostTheCapAreCropped() throws Exception {
    MatcherSettings onlyBottles = new MatcherSettings();
    onlyBottles.productLabels = new String[] {"bottle"};
    VideoFrame frame = frame(
        item(ItemKind.LABEL, "Bottle", 70.0, RED_BOX),
        item(ItemKind.LABEL, "Shoe", 80.0, ORANGE_BOX),
        item(ItemKind.CUSTOM_LABEL, "Jersey", 99.0, BLUE_BOX));
    run(matcher(onlyBottles, 2_000), frame);
    assertThat(bedrock.calls).hasSize(1);

    bedrock.reset(n -> BedrockServer.Answer.EMBED);
    MatcherSettings one = new MatcherSettings();
    one.maxCropsPerFrame = 1;
    List<VideoFrame> out = run(matcher(one, 2_000), frame);
    assertThat(bedrock.calls).hasSize(1);
    // The most confident boxed object, the blue jersey, was the one matched.
    assertThat(out.get(0).detection.items[3].name).isEqualTo("prod-blue");
  }

  @Test
  void framesWithoutDetectionsOrThatInheritOnePassUntouched() throws Exception {
    VideoFrame bare = frame();
    bare.detection = null;
    VideoFrame inherits = frame(item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX));
    inherits.inheritsFromMs = 0L;

    List<VideoFrame> out = run(matcher(new MatcherSettings(), 2_000), bare, inherits);

    assertThat(out).hasSize(2);
    assertThat(out.get(0).detection).isNull();
    assertThat(out.get(1).detection.items).hasSize(1);
    assertThat(bedrock.calls).isEmpty();
  }

  @Test
  void whenTheModelRejectsTheCropsTheFramePassesWithItsItemsAndAFallbackIsCounted() throws Exception {
    bedrock.reset(n -> BedrockServer.Answer.VALIDATION);
    VideoFrame frame = frame(
        item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX), item(ItemKind.LABEL, "Shoe", 80.0, ORANGE_BOX));
    ProductMatcher matcher = matcher(new MatcherSettings(), 2_000);

    List<VideoFrame> out = run(matcher, frame);

    assertThat(out.get(0).detection).isEqualTo(frame.detection);
    assertThat(matcher.metrics().fallbacks.getCount()).isEqualTo(1);
    assertThat(matcher.metrics().failedCrops.getCount()).isEqualTo(2);
    assertThat(matcher.metrics().lookups.getCount()).isZero();
  }

  @Test
  void whenTheIndexStaysUnavailableTheFramePassesWithItsItemsAfterTheRetries() throws Exception {
    Integer[] unavailable = new Integer[100];
    Arrays.fill(unavailable, 503);
    openSearch.fail("POST /products/_search", unavailable);
    VideoFrame frame = frame(item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX));
    ProductMatcher matcher = matcher(new MatcherSettings(), 200);

    List<VideoFrame> out = run(matcher, frame);

    assertThat(out.get(0).detection).isEqualTo(frame.detection);
    assertThat(matcher.metrics().fallbacks.getCount()).isEqualTo(1);
    assertThat(matcher.metrics().retries.getCount()).isGreaterThan(0);
    assertThat(matcher.metrics().matches.getCount()).isZero();
  }

  @Test
  void throttledEmbeddingsAreRetriedAndCounted() throws Exception {
    bedrock.reset(n -> n == 1 ? BedrockServer.Answer.THROTTLE : BedrockServer.Answer.EMBED);
    ProductMatcher matcher = matcher(new MatcherSettings(), 2_000);

    List<VideoFrame> out = run(matcher, frame(item(ItemKind.LABEL, "Bottle", 90.0, RED_BOX)));

    assertThat(out.get(0).detection.items[1].name).isEqualTo("prod-red");
    assertThat(matcher.metrics().throttles.getCount()).isEqualTo(1);
    assertThat(matcher.metrics().fallbacks.getCount()).isZero();
  }

  private static List<VideoFrame> run(ProductMatcher matcher, VideoFrame... frames) throws Exception {
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    try (OneInputStreamOperatorTestHarness<VideoFrame, VideoFrame> harness =
        new OneInputStreamOperatorTestHarness<>(
            new AsyncWaitOperatorFactory<>(
                matcher,
                ProductMatcher.frameTimeoutMs(services(2_000)),
                10,
                AsyncDataStream.OutputMode.ORDERED),
            TypeInformation.of(VideoFrame.class).createSerializer(config.getSerializerConfig()))) {
      harness.open();
      for (VideoFrame f : frames) {
        harness.processElement(new StreamRecord<>(f, f.eventTime));
      }
      harness.endInput();
      return new ArrayList<>(harness.extractOutputValues());
    }
  }

  private static ProductMatcher matcher(MatcherSettings settings, long budgetMs) {
    return new ProductMatcher(services(budgetMs), settings, MIN_SIMILARITY);
  }

  private static ShoppableServices services(long budgetMs) {
    ShoppableServices s = new ShoppableServices();
    s.bedrock = new BedrockSettings();
    s.bedrock.access = new AwsAccess("us-east-1", bedrock.endpoint(), true);
    s.bedrock.callsPerSecond = 200;
    s.bedrock.retry = new RetryPolicy(budgetMs, 20, 5_000);
    s.openSearch = openSearchSettings(budgetMs);
    return s;
  }

  private static OpenSearchSettings openSearchSettings(long budgetMs) {
    OpenSearchSettings s = new OpenSearchSettings();
    s.endpoint = openSearch.endpoint();
    s.index = "products";
    s.requestsPerSecond = 1_000;
    s.retry = new RetryPolicy(budgetMs, 20, 5_000);
    return s;
  }

  private static VideoFrame frame(DetectionItem... items) throws Exception {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, W, H);
    fill(g, RED_BOX, new Color(230, 20, 20));
    fill(g, ORANGE_BOX, new Color(240, 120, 0));
    fill(g, BLUE_BOX, new Color(20, 20, 230));
    g.dispose();
    VideoFrame f = new VideoFrame();
    f.mediaId = "m-1";
    f.positionMs = 12_000;
    f.eventTime = 1_780_000_012_000L;
    f.width = W;
    f.height = H;
    f.jpeg = FrameCrops.encode(image);
    f.detection = new Detection();
    f.detection.mediaId = f.mediaId;
    f.detection.positionMs = f.positionMs;
    f.detection.eventTime = f.eventTime;
    f.detection.source = "rekognition";
    f.detection.items = items;
    return f;
  }

  private static void fill(Graphics2D g, BoundingBox b, Color c) {
    g.setColor(c);
    g.fillRect((int) (b.left * W), (int) (b.top * H), (int) Math.ceil(b.width * W), (int) Math.ceil(b.height * H));
  }

  private static DetectionItem item(ItemKind kind, String name, Double confidence, BoundingBox box) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = confidence;
    i.box = box;
    return i;
  }

  private static BoundingBox box(double left, double top, double width, double height) {
    BoundingBox b = new BoundingBox();
    b.left = left;
    b.top = top;
    b.width = width;
    b.height = height;
    return b;
  }

  private static float[] colour(double r, double g, double b) {
    float[] v = new float[256];
    double n = Math.sqrt(r * r + g * g + b * b);
    v[0] = (float) (r / n);
    v[1] = (float) (g / n);
    v[2] = (float) (b / n);
    return v;
  }

  /** The stand-in model: the image's mean red, green and blue; zeros elsewhere. */
  private static double[] meanColour(byte[] jpeg, int length) {
    BufferedImage image = FrameCrops.decode(jpeg);
    double[] v = new double[length];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        v[0] += (rgb >> 16) & 0xff;
        v[1] += (rgb >> 8) & 0xff;
        v[2] += rgb & 0xff;
      }
    }
    v[0] += 1e-3;
    return v;
  }
}
