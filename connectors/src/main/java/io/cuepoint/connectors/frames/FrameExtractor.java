package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.records.Segment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes one MPEG-TS segment from its bytes in memory (FFmpeg in-process: no file, no shell, no
 * ffmpeg binary) and returns the frames on the sampling grid, each at its exact stream position
 * (the segment's position plus the frame's PTS offset from the segment's first frame), scaled
 * down to the maximum width, JPEG-encoded within the byte limit and hashed. Not thread-safe in
 * itself but holds no state between calls, so one instance may serve many threads.
 */
public class FrameExtractor {
  static {
    // FFmpeg would log every damaged packet to stderr; failures reach the caller as exceptions.
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }

  private final SamplingGrid grid;
  private final int maxWidth;
  private final JpegEncoder jpeg;

  public FrameExtractor(FrameSettings settings) {
    settings.validate();
    this.grid = new SamplingGrid(settings.intervalMs);
    this.maxWidth = settings.maxWidth;
    this.jpeg = new JpegEncoder(settings.jpegQuality, settings.maxJpegBytes);
  }

  /** What decoding one segment gave: the sampled frames and how many frames were decoded. */
  public static final class Result {
    public final List<VideoFrame> frames;
    public final int framesDecoded;

    Result(List<VideoFrame> frames, int framesDecoded) {
      this.frames = frames;
      this.framesDecoded = framesDecoded;
    }
  }

  public Result extract(Segment segment, byte[] bytes) throws FrameDecodeException {
    if (segment.positionMs == null || segment.eventTime == null) {
      throw new FrameDecodeException("segment has no positionMs or eventTime");
    }
    if (bytes == null || bytes.length == 0) {
      throw new FrameDecodeException("segment is empty (0 bytes)");
    }
    List<VideoFrame> frames = new ArrayList<>();
    int decoded = 0;
    try (FFmpegFrameGrabber grabber =
        new FFmpegFrameGrabber(new ByteArrayInputStream(bytes), bytes.length)) {
      grabber.setFormat("mpegts");
      // Parallelism comes from the decode threads of the operator, not from inside FFmpeg.
      grabber.setVideoOption("threads", "1");
      grabber.start();
      if (grabber.getVideoStream() < 0) {
        throw new FrameDecodeException("segment has no video stream");
      }
      long frameMs = grabber.getFrameRate() > 0 ? Math.round(1000.0 / grabber.getFrameRate()) : 1;
      long firstPtsUs = Long.MIN_VALUE;
      long previousMs = segment.positionMs - frameMs;
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        if (frame.image == null) {
          continue;
        }
        decoded++;
        if (firstPtsUs == Long.MIN_VALUE) {
          firstPtsUs = frame.timestamp;
        }
        long offsetMs = Math.round((frame.timestamp - firstPtsUs) / 1000.0);
        long positionMs = segment.positionMs + offsetMs;
        if (grid.picks(previousMs, positionMs)) {
          frames.add(toVideoFrame(segment, frame, positionMs, offsetMs));
        }
        previousMs = positionMs;
      }
      grabber.stop();
    } catch (FrameGrabber.Exception e) {
      throw new FrameDecodeException("cannot decode segment: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new FrameDecodeException("cannot decode segment: " + e, e);
    }
    if (decoded == 0) {
      throw new FrameDecodeException("segment holds no decodable video frame");
    }
    return new Result(frames, decoded);
  }

  private VideoFrame toVideoFrame(Segment segment, Frame frame, long positionMs, long offsetMs)
      throws FrameDecodeException {
    if (frame.imageChannels != 3 || frame.imageDepth != Frame.DEPTH_UBYTE) {
      throw new FrameDecodeException(
          "unexpected picture layout: " + frame.imageChannels + " channels, depth " + frame.imageDepth);
    }
    BufferedImage picture = copyBgr(frame);
    byte[] pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
    VideoFrame out = new VideoFrame();
    out.mediaId = segment.mediaId;
    out.channelArn = segment.channelArn;
    out.positionMs = positionMs;
    out.eventTime = segment.eventTime + offsetMs;
    out.segmentSequence = segment.sequence == null ? -1 : segment.sequence;
    out.dHash = DHash.ofBgr(pixels, picture.getWidth(), picture.getHeight(), 3 * picture.getWidth());
    BufferedImage scaled = scaled(picture);
    out.width = scaled.getWidth();
    out.height = scaled.getHeight();
    out.jpeg = jpeg.encode(scaled);
    return out;
  }

  /** The frame's pixels, copied out of FFmpeg's buffer (which the next frame reuses). */
  private static BufferedImage copyBgr(Frame frame) {
    int width = frame.imageWidth;
    int height = frame.imageHeight;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
    int rowBytes = 3 * width;
    for (int y = 0; y < height; y++) {
      source.position(y * frame.imageStride);
      source.get(target, y * rowBytes, rowBytes);
    }
    return image;
  }

  private BufferedImage scaled(BufferedImage picture) {
    if (picture.getWidth() <= maxWidth) {
      return picture;
    }
    int height = Math.max(1, (int) Math.round((double) picture.getHeight() * maxWidth / picture.getWidth()));
    BufferedImage scaled = new BufferedImage(maxWidth, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(picture, 0, 0, maxWidth, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }
}
