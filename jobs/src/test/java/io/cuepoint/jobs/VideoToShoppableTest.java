package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.connectors.frames.HlsServer;
import io.cuepoint.connectors.frames.HlsStream;
import io.cuepoint.connectors.frames.SyntheticVideo;
import io.cuepoint.connectors.rekognition.RekognitionServer;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ShoppableSpan;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The video path of the whole job, run by the replay command in this JVM: an H.264 HLS stream on
 * loopback whose second and fourth scenes show a catalog product, Rekognition on loopback boxing
 * the product wherever it sees it (and a piece of background everywhere), the catalog indexed by
 * index-catalog. The product must come out as shoppable spans over exactly those scenes.
 */
@ExtendWith(LocalAwsCredentials.class)
class VideoToShoppableTest {
  private static final long T0 = 1_780_167_600_000L;
  private static final String MEDIA = "studio-live";
  private static final long DURATION_MS = 60_000;
  private static final long SEGMENT_MS = 6_000;
  private static final long INTERVAL_MS = 4_000;
  /** Scenes: 0-10 s plain, 10-30 s product, 30-42 s plain, 42-60 s product. */
  private static final long[] SCENE_CHANGES_MS = {10_000, 30_000, 42_000};
  private static final int PRODUCT_X = 200;
  private static final int PRODUCT_Y = 88;
  private static final int PRODUCT_SIZE = 72;
  private static final double MIN_SIMILARITY = 0.78;

  @TempDir Path dir;

  @Test
  void productScenesBecomeShoppableSpans() throws Exception {
    BufferedImage tote = picture(new Color(200, 30, 120), new Color(250, 220, 40), 4);
    BufferedImage mug = picture(new Color(30, 90, 200), new Color(240, 240, 240), 9);
    SyntheticVideo video =
        new SyntheticVideo(320, 180, 5, DURATION_MS, SCENE_CHANGES_MS, 42)
            .draw(1, tote, PRODUCT_X, PRODUCT_Y)
            .draw(3, tote, PRODUCT_X, PRODUCT_Y);
    HlsStream stream = HlsStream.encode(video, SEGMENT_MS);

    Path images = Files.createDirectories(dir.resolve("images"));
    ImageIO.write(tote, "png", images.resolve("prod-tote.png").toFile());
    ImageIO.write(mug, "png", images.resolve("prod-mug.png").toFile());
    Path catalog = dir.resolve("products.json");
    Files.writeString(
        catalog,
        "{\"products\": [" + product("prod-tote", "Striped tote") + "," + product("prod-mug", "Blue mug") + "]}");
    Path index = dir.resolve("index.cpvi");
    CommandLineRun indexing = new CommandLineRun();
    assertThat(
            indexing.run(
                "index-catalog", "--catalog", catalog.toString(), "--images", images.toString(),
                "--set", "Shoppable.index-file=" + index))
        .as(indexing.stderr())
        .isZero();
    assertThat(indexing.stdout()).startsWith("index-catalog: 2 embedded");

    try (HlsServer hls = new HlsServer(stream);
        RekognitionServer rekognition = new RekognitionServer()) {
      rekognition.script = call -> RekognitionServer.Reply.ok(labels(call.image(), tote));
      Path in = Files.createDirectories(dir.resolve("in"));
      List<Segment> segments = stream.segmentRecords(MEDIA, hls.baseUrl(), T0);
      Segment broken = new Segment();
      broken.mediaId = MEDIA;
      broken.segmentUrl = hls.baseUrl() + "seg-gone.ts";
      broken.sequence = (long) segments.size();
      broken.durationMs = SEGMENT_MS;
      broken.positionMs = DURATION_MS;
      broken.eventTime = T0 + DURATION_MS;
      segments.add(broken);
      Files.write(
          in.resolve(StreamName.SEGMENTS.fileName()),
          segments.stream().map(RecordCodec::encode).collect(Collectors.toList()));
      Path out = dir.resolve("out");

      CommandLineRun replay = new CommandLineRun();
      int code =
          replay.run(
              "replay", "--input", in.toString(), "--output", out.toString(),
              "--set", "Job.parallelism=2",
              "--set", "Fetch.allow-private-addresses=true",
              "--set", "Fetch.allowed-schemes=http",
              "--set", "Frames.interval=" + INTERVAL_MS + "ms",
              "--set", "Rekognition.enabled=true",
              "--set", "Rekognition.endpoint=" + rekognition.endpoint(),
              "--set", "Rekognition.recognize-celebrities=false",
              "--set", "Rekognition.labels.calls-per-second=100",
              // A cold SDK's first call can take seconds on a busy machine.
              "--set", "Rekognition.call-timeout=10s",
              "--set", "Shoppable.index-file=" + index,
              "--set", "Shoppable.min-similarity=" + MIN_SIMILARITY);
      assertThat(code).as(replay.stderr()).isZero();

      int sampled = (int) (DURATION_MS / INTERVAL_MS);
      int calls = rekognition.calls("DetectLabels").size();
      assertThat(calls).as("DetectLabels calls of %d sampled frames", sampled)
          .isGreaterThanOrEqualTo(SCENE_CHANGES_MS.length + 1)
          .isLessThan(sampled);

      List<ShoppableSpan> spans = read(out, StreamName.SHOPPABLE, ShoppableSpan.class);
      assertThat(spans).as("spans %s", spans).hasSize(2).allSatisfy(s -> {
        assertThat(s.mediaId).isEqualTo(MEDIA);
        assertThat(s.productId).isEqualTo("prod-tote");
        assertThat(s.bestSimilarity).isGreaterThanOrEqualTo(MIN_SIMILARITY);
      });
      spans.sort((a, b) -> Long.compare(a.fromMs, b.fromMs));
      // Only a scene's first frame is analysed: the span reaches its end through carried-forward
      // detections of the skipped frames.
      assertCovers(spans.get(0), SCENE_CHANGES_MS[0], SCENE_CHANGES_MS[1]);
      assertCovers(spans.get(1), SCENE_CHANGES_MS[2], DURATION_MS);

      List<DeadLetter> deadLetters = read(out, StreamName.DEAD_LETTERS, DeadLetter.class);
      assertThat(deadLetters).as("dead letters %s", deadLetters).hasSize(1);
      assertThat(deadLetters.get(0).input).isEqualTo(StreamName.SEGMENTS.id());
      assertThat(deadLetters.get(0).error).contains("seg-gone.ts").contains("404");

      List<MediaContext> contexts = read(out, StreamName.MEDIA_CONTEXT, MediaContext.class);
      assertThat(contexts)
          .anySatisfy(c -> assertThat(c.products).extracting(p -> p.name).contains("prod-tote"))
          .noneSatisfy(c -> assertThat(c.products).extracting(p -> p.name).contains("prod-mug"));
    }
  }

  private static void assertCovers(ShoppableSpan span, long sceneFromMs, long sceneToMs) {
    assertThat(span.fromMs).as("span %s starts", span).isBetween(sceneFromMs, sceneFromMs + INTERVAL_MS);
    assertThat(span.toMs).as("span %s ends", span).isBetween(sceneToMs - INTERVAL_MS, sceneToMs);
  }

  private static <T> List<T> read(Path out, StreamName stream, Class<T> type) throws Exception {
    Path file = out.resolve(stream.fileName());
    List<T> records = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        records.add(RecordCodec.decode(line, type));
      }
    }
    return records;
  }

  /**
   * DetectLabels as Rekognition would answer for the frame: a piece of background boxed as
   * furniture in every frame, and a bag boxed where the product is when the frame shows it.
   */
  private static String labels(byte[] jpeg, BufferedImage product) {
    BufferedImage frame;
    try {
      frame = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder json = new StringBuilder("{\"Labels\":[");
    json.append(label("Furniture", 20, 20, 80, 50));
    if (looksLike(frame, product)) {
      json.append(',').append(label("Bag", PRODUCT_X, PRODUCT_Y, PRODUCT_SIZE, PRODUCT_SIZE));
    }
    return json.append("],\"LabelModelVersion\":\"3.0\"}").toString();
  }

  private static String label(String name, int x, int y, int w, int h) {
    return String.format(
        Locale.ROOT,
        "{\"Name\":\"%s\",\"Confidence\":95.0,\"Parents\":[],\"Instances\":[{\"BoundingBox\":"
            + "{\"Width\":%.4f,\"Height\":%.4f,\"Left\":%.4f,\"Top\":%.4f},\"Confidence\":94.0}]}",
        name, w / 320.0, h / 180.0, x / 320.0, y / 180.0);
  }

  private static boolean looksLike(BufferedImage frame, BufferedImage product) {
    long difference = 0;
    for (int y = 0; y < product.getHeight(); y++) {
      for (int x = 0; x < product.getWidth(); x++) {
        int a = frame.getRGB(PRODUCT_X + x, PRODUCT_Y + y);
        int b = product.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          difference += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
        }
      }
    }
    return difference / (3.0 * product.getWidth() * product.getHeight()) < 30;
  }

  /** A product photo: a body in one colour with stripes of another and a round badge. */
  private static BufferedImage picture(Color body, Color stripes, int stripeWidth) {
    BufferedImage image = new BufferedImage(PRODUCT_SIZE, PRODUCT_SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(body);
    g.fillRect(0, 0, PRODUCT_SIZE, PRODUCT_SIZE);
    g.setColor(stripes);
    for (int x = 0; x < PRODUCT_SIZE; x += 3 * stripeWidth) {
      g.fillRect(x, 0, stripeWidth, PRODUCT_SIZE);
    }
    g.setColor(Color.BLACK);
    g.fillOval(PRODUCT_SIZE / 4, PRODUCT_SIZE / 4, PRODUCT_SIZE / 2, PRODUCT_SIZE / 2);
    g.setColor(Color.WHITE);
    g.fillOval(PRODUCT_SIZE / 3, PRODUCT_SIZE / 3, PRODUCT_SIZE / 3, PRODUCT_SIZE / 3);
    g.dispose();
    return image;
  }

  private static String product(String id, String title) {
    return "{\"productId\": \"" + id + "\", \"title\": \"" + title + "\", \"price\": 25, \"currency\": \"EUR\"}";
  }
}
