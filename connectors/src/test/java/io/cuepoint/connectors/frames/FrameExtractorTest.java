package io.cuepoint.connectors.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.schemas.records.Segment;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameExtractorTest {
  static final long START = 1_780_000_000_000L;
  static final long DURATION_MS = 60_000L;
  static final long SEGMENT_MS = 6_000L;
  static SyntheticVideo video;
  static HlsStream stream;
  static List<Segment> segments;

  @BeforeAll
  static void encode() throws Exception {
    video = new SyntheticVideo(320, 180, 5, DURATION_MS, new long[] {9_300L, 25_100L, 41_700L}, 7L);
    stream = HlsStream.encode(video, SEGMENT_MS);
    segments = stream.segmentRecords("m1", "http://unused/", START);
  }

  static FrameSettings every(long intervalMs) {
    FrameSettings settings = new FrameSettings();
    settings.intervalMs = intervalMs;
    return settings;
  }

  static List<VideoFrame> extractAll(FrameExtractor extractor, int[] decodedPerSegment) throws Exception {
    List<VideoFrame> frames = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      FrameExtractor.Result result = extractor.extract(segments.get(i), stream.segments.get(i));
      if (decodedPerSegment != null) {
        decodedPerSegment[i] = result.framesDecoded;
      }
      frames.addAll(result.frames);
    }
    return frames;
  }

  @Test
  void everyFrameOfEverySegmentIsDecodedAndSampledFramesSitExactlyOnTheGrid() throws Exception {
    int[] decoded = new int[segments.size()];
    List<VideoFrame> frames = extractAll(new FrameExtractor(every(4_000L)), decoded);

    assertThat(decoded).containsOnly(stream.framesPerSegment);
    assertThat(frames).extracting(f -> f.positionMs).containsExactlyElementsOf(expectedGrid(4_000L));
    for (VideoFrame f : frames) {
      assertThat(f.eventTime).isEqualTo(START + f.positionMs);
      assertThat(f.mediaId).isEqualTo("m1");
      assertThat(f.segmentSequence).isEqualTo(f.positionMs / SEGMENT_MS);
      assertThat(f.width).isEqualTo(320);
      assertThat(f.height).isEqualTo(180);
    }
  }

  @Test
  void thePictureOfEachSampledFrameIsTheFrameAtItsPosition() throws Exception {
    for (VideoFrame f : extractAll(new FrameExtractor(every(4_000L)), null)) {
      BufferedImage picture = bgr(ImageIO.read(new ByteArrayInputStream(f.jpeg)));
      byte[] pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
      assertThat(video.readBarcode(pixels, 3 * picture.getWidth()))
          .as("frame index in the picture at %d ms", f.positionMs)
          .isEqualTo((int) (f.positionMs / video.frameMs()));
    }
  }

  @Test
  void theGridRunsOnAcrossSegmentBoundaries() throws Exception {
    // 5.9 s lands after the last frame of the first segment (5.8 s): the next segment's first
    // frame (6.0 s) must take it. 4.1 s lands between frames.
    for (long interval : new long[] {4_100L, 5_900L, 6_000L, 13_000L}) {
      assertThat(extractAll(new FrameExtractor(every(interval)), null))
          .extracting(f -> f.positionMs)
          .as("interval %d ms", interval)
          .containsExactlyElementsOf(expectedGrid(interval));
    }
  }

  @Test
  void positionsFollowThePtsOffsetNotThePlaylistsDurations() throws Exception {
    // The playlist said the segment starts at 100 000 ms; frames sit at that plus their PTS offset.
    Segment moved = copy(segments.get(2));
    moved.positionMs = 100_000L;
    moved.eventTime = START + 500_000L;
    List<VideoFrame> frames =
        new FrameExtractor(every(1_000L)).extract(moved, stream.segments.get(2)).frames;
    assertThat(frames).extracting(f -> f.positionMs)
        .containsExactly(100_000L, 101_000L, 102_000L, 103_000L, 104_000L, 105_000L);
    assertThat(frames).extracting(f -> f.eventTime - f.positionMs).containsOnly(START + 400_000L);
  }

  @Test
  void framesWiderThanTheMaximumAreScaledDownKeepingTheirAspect() throws Exception {
    FrameSettings settings = every(4_000L);
    settings.maxWidth = 160;
    VideoFrame f = new FrameExtractor(settings).extract(segments.get(0), stream.segments.get(0)).frames.get(0);
    assertThat(f.width).isEqualTo(160);
    assertThat(f.height).isEqualTo(90);
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(f.jpeg));
    assertThat(picture.getWidth()).isEqualTo(160);
    assertThat(picture.getHeight()).isEqualTo(90);
  }

  @Test
  void aJpegOverTheLimitIsEncodedAgainAtALowerQuality() throws Exception {
    VideoFrame full = new FrameExtractor(every(4_000L)).extract(segments.get(0), stream.segments.get(0)).frames.get(0);
    FrameSettings settings = every(4_000L);
    settings.maxJpegBytes = Math.max(1024, full.jpeg.length * 2 / 3);
    VideoFrame smaller = new FrameExtractor(settings).extract(segments.get(0), stream.segments.get(0)).frames.get(0);
    assertThat(smaller.jpeg.length).isLessThanOrEqualTo(settings.maxJpegBytes);
    assertThat(ImageIO.read(new ByteArrayInputStream(smaller.jpeg)).getWidth()).isEqualTo(320);
    assertThat(smaller.dHash).isEqualTo(full.dHash);
  }

  @Test
  void badBytesAreAClearErrorNotACrash() {
    FrameExtractor extractor = new FrameExtractor(every(4_000L));
    Segment segment = segments.get(0);
    byte[] noise = new byte[50_000];
    new Random(3).nextBytes(noise);
    byte[] html = "<html><body>403 Forbidden</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte[] bad : List.of(new byte[0], noise, html)) {
      assertThatThrownBy(() -> extractor.extract(segment, bad))
          .isInstanceOf(FrameDecodeException.class)
          .hasMessageContaining("segment");
    }
  }

  @Test
  void aTruncatedSegmentGivesTheFramesItHolds() throws Exception {
    byte[] whole = stream.segments.get(1);
    byte[] head = Arrays.copyOf(whole, whole.length / 2);
    FrameExtractor.Result result = new FrameExtractor(every(1_000L)).extract(segments.get(1), head);
    assertThat(result.framesDecoded).isBetween(1, stream.framesPerSegment - 1);
    assertThat(result.frames).extracting(f -> f.positionMs).allMatch(p -> p >= 6_000L && p < 12_000L);
  }

  /** For each multiple of the interval, the first frame at or after it. */
  static List<Long> expectedGrid(long intervalMs) {
    List<Long> positions = new ArrayList<>();
    long frameMs = video.frameMs();
    for (long g = 0; g < DURATION_MS; g += intervalMs) {
      long position = (g + frameMs - 1) / frameMs * frameMs;
      if (position < DURATION_MS && (positions.isEmpty() || positions.get(positions.size() - 1) != position)) {
        positions.add(position);
      }
    }
    return positions;
  }

  static BufferedImage bgr(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    copy.getGraphics().drawImage(image, 0, 0, null);
    return copy;
  }

  static Segment copy(Segment s) {
    Segment c = new Segment();
    c.mediaId = s.mediaId;
    c.channelArn = s.channelArn;
    c.segmentUrl = s.segmentUrl;
    c.sequence = s.sequence;
    c.durationMs = s.durationMs;
    c.positionMs = s.positionMs;
    c.eventTime = s.eventTime;
    return c;
  }
}
