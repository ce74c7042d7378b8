package io.cuepoint.connectors.shoppable;

import io.cuepoint.schemas.records.BoundingBox;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Cuts the regions of a frame that detectors boxed out of the frame's JPEG, each as a JPEG of its
 * own. CPU work: callers run it on a bounded executor, never a task thread. Streams are kept in
 * memory (no ImageIO disk cache).
 */
final class FrameCrops {
  static final float JPEG_QUALITY = 0.9f;

  private FrameCrops() {}

  /** One region cut out of a frame. */
  static final class Crop {
    final BoundingBox box;
    final byte[] jpeg;

    Crop(BoundingBox box, byte[] jpeg) {
      this.box = box;
      this.jpeg = jpeg;
    }
  }

  /**
   * The regions of {@code boxes} (fractions of the frame), in the same order, leaving out boxes
   * whose region is smaller than {@code minPixels} on a side once clipped to the frame.
   *
   * @throws UncheckedIOException if the frame is not a readable image
   */
  static List<Crop> crop(byte[] frameJpeg, List<BoundingBox> boxes, int minPixels) {
    BufferedImage frame = decode(frameJpeg);
    int w = frame.getWidth();
    int h = frame.getHeight();
    List<Crop> out = new ArrayList<>();
    for (BoundingBox box : boxes) {
      int x0 = clamp((int) Math.floor(box.left * w), w);
      int y0 = clamp((int) Math.floor(box.top * h), h);
      int x1 = clamp((int) Math.ceil((box.left + box.width) * w), w);
      int y1 = clamp((int) Math.ceil((box.top + box.height) * h), h);
      if (x1 - x0 < minPixels || y1 - y0 < minPixels) {
        continue;
      }
      BufferedImage region = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = region.createGraphics();
      try {
        g.drawImage(frame, 0, 0, x1 - x0, y1 - y0, x0, y0, x1, y1, null);
      } finally {
        g.dispose();
      }
      out.add(new Crop(box, encode(region)));
    }
    return out;
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  static BufferedImage decode(byte[] jpeg) {
    try {
      // ImageIO.read closes the stream it is given.
      BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
      if (image == null) {
        throw new IOException("not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("the frame could not be decoded: " + e.getMessage(), e);
    }
  }

  static byte[] encode(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("a crop could not be encoded", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
