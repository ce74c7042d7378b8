package io.cuepoint.connectors.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes a picture as JPEG at the configured quality, lower if that does not fit the limit. */
final class JpegEncoder {
  private static final float QUALITY_STEP = 0.15f;
  private static final float LOWEST_QUALITY = 0.1f;

  private final float quality;
  private final int maxBytes;

  JpegEncoder(float quality, int maxBytes) {
    this.quality = quality;
    this.maxBytes = maxBytes;
  }

  byte[] encode(BufferedImage image) throws FrameDecodeException {
    float q = quality;
    while (true) {
      byte[] jpeg = encode(image, q);
      if (jpeg.length <= maxBytes) {
        return jpeg;
      }
      if (q <= LOWEST_QUALITY) {
        throw new FrameDecodeException(
            "frame of " + image.getWidth() + "x" + image.getHeight() + " is " + jpeg.length
                + " bytes as JPEG even at quality " + q + ", over the limit of " + maxBytes);
      }
      q = Math.max(LOWEST_QUALITY, q - QUALITY_STEP);
    }
  }

  private static byte[] encode(BufferedImage image, float quality) throws FrameDecodeException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new FrameDecodeException("JPEG encoding failed: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
