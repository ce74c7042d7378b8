package io.cuepoint.connectors.embedding;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generated product photos and video frames for measuring visual matching: each product is a
 * shape (bottle, box, ball, can, pennant, shirt-like) in its colours with a pattern (stripes,
 * dots, checks, a band) and text-like marks, drawn on a transparent layer; the catalog photo puts
 * it on white, a frame puts it scaled somewhere on a busy background, with sensor noise and JPEG
 * compression. Everything follows from the seed.
 */
final class SyntheticProducts {
  private SyntheticProducts() {}

  /** The product alone, on a transparent layer of its own size. */
  static BufferedImage product(long seed) {
    Random rnd = new Random(seed * 7919 + 17);
    int w = 120 + rnd.nextInt(100);
    int h = 120 + rnd.nextInt(100);
    BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = layer.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Shape shape = shape(rnd.nextInt(6), w, h);
    Color base = colour(rnd);
    Color second = colour(rnd);
    g.setClip(shape);
    g.setColor(base);
    g.fill(shape);
    g.setColor(second);
    pattern(g, rnd.nextInt(5), w, h, rnd);
    marks(g, rnd, w, h);
    g.setClip(null);
    g.setColor(base.darker().darker());
    g.setStroke(new BasicStroke(3));
    g.draw(shape);
    g.dispose();
    return layer;
  }

  /** The catalog photo: the product centred on white with a margin. */
  static BufferedImage catalogPhoto(BufferedImage product) {
    int margin = Math.max(product.getWidth(), product.getHeight()) / 12;
    BufferedImage photo =
        new BufferedImage(
            product.getWidth() + 2 * margin, product.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
    g.drawImage(product, margin, margin, null);
    g.dispose();
    return photo;
  }

  /** A 640×360 frame background: a gradient, clutter shapes and a few lines. */
  static BufferedImage background(Random rnd) {
    BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, colour(rnd), 640, 360, colour(rnd)));
    g.fillRect(0, 0, 640, 360);
    for (int i = 0; i < 6 + rnd.nextInt(10); i++) {
      g.setColor(colour(rnd));
      int x = rnd.nextInt(640);
      int y = rnd.nextInt(360);
      int s = 20 + rnd.nextInt(120);
      if (rnd.nextBoolean()) {
        g.fillOval(x, y, s, s * (1 + rnd.nextInt(2)));
      } else {
        g.fillRect(x, y, s * (1 + rnd.nextInt(2)), s);
      }
    }
    g.setStroke(new BasicStroke(2 + rnd.nextInt(4)));
    for (int i = 0; i < 4; i++) {
      g.setColor(colour(rnd));
      g.drawLine(rnd.nextInt(640), rnd.nextInt(360), rnd.nextInt(640), rnd.nextInt(360));
    }
    g.dispose();
    return frame;
  }

  /**
   * Draws the product into the frame with its taller side {@code size} pixels at (x, y).
   *
   * @return where it is
   */
  static Rectangle place(BufferedImage frame, BufferedImage product, int x, int y, int size) {
    double scale = (double) size / Math.max(product.getWidth(), product.getHeight());
    int w = (int) Math.round(product.getWidth() * scale);
    int h = (int) Math.round(product.getHeight() * scale);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(product, x, y, w, h, null);
    g.dispose();
    return new Rectangle(x, y, w, h);
  }

  /** Adds Gaussian noise of {@code sigma} (0-255 scale) to every channel. */
  static void noise(BufferedImage frame, Random rnd, double sigma) {
    for (int y = 0; y < frame.getHeight(); y++) {
      for (int x = 0; x < frame.getWidth(); x++) {
        int p = frame.getRGB(x, y);
        int r = clamp(((p >> 16) & 0xff) + rnd.nextGaussian() * sigma);
        int gr = clamp(((p >> 8) & 0xff) + rnd.nextGaussian() * sigma);
        int b = clamp((p & 0xff) + rnd.nextGaussian() * sigma);
        frame.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static Color colour(Random rnd) {
    if (rnd.nextInt(6) == 0) {
      int grey = rnd.nextInt(256);
      return new Color(grey, grey, grey);
    }
    return Color.getHSBColor(rnd.nextFloat(), 0.35f + 0.65f * rnd.nextFloat(), 0.3f + 0.7f * rnd.nextFloat());
  }

  private static Shape shape(int kind, int w, int h) {
    switch (kind) {
      case 0:
        return new RoundRectangle2D.Double(2, 2, w - 4, h - 4, w / 4.0, h / 4.0);
      case 1:
        return new Ellipse2D.Double(2, 2, w - 4, h - 4);
      case 2: {
        Area bottle = new Area(new RoundRectangle2D.Double(2, h * 0.3, w - 4, h * 0.7 - 2, w / 3.0, w / 3.0));
        bottle.add(new Area(new Rectangle2D.Double(w * 0.35, 2, w * 0.3, h * 0.35)));
        return bottle;
      }
      case 3: {
        Path2D p = new Path2D.Double();
        p.moveTo(2, 2);
        p.lineTo(w - 2, h / 2.0);
        p.lineTo(2, h - 2);
        p.closePath();
        return p;
      }
      case 4: {
        Area shirt = new Area(new Rectangle2D.Double(w * 0.2, h * 0.1, w * 0.6, h * 0.88));
        shirt.add(new Area(new Rectangle2D.Double(2, h * 0.1, w - 4, h * 0.3)));
        shirt.subtract(new Area(new Ellipse2D.Double(w * 0.4, 0, w * 0.2, h * 0.15)));
        return shirt;
      }
      default:
        return new Rectangle2D.Double(2, 2, w - 4, h - 4);
    }
  }

  private static void pattern(Graphics2D g, int kind, int w, int h, Random rnd) {
    int step = 10 + rnd.nextInt(20);
    switch (kind) {
      case 0:
        for (int y = 0; y < h; y += 2 * step) {
          g.fillRect(0, y, w, step);
        }
        break;
      case 1:
        for (int x = -h; x < w; x += 2 * step) {
          g.fill(diagonal(x, h, step));
        }
        break;
      case 2:
        for (int y = step / 2; y < h; y += step * 2) {
          for (int x = step / 2; x < w; x += step * 2) {
            g.fillOval(x, y, step, step);
          }
        }
        break;
      case 3:
        for (int y = 0; y < h; y += step) {
          for (int x = ((y / step) % 2) * step; x < w; x += 2 * step) {
            g.fillRect(x, y, step, step);
          }
        }
        break;
      default:
        g.fillRect(0, (int) (h * (0.3 + 0.3 * rnd.nextDouble())), w, h / 5);
        break;
    }
  }

  private static Shape diagonal(int x, int h, int step) {
    Path2D p = new Path2D.Double();
    p.moveTo(x, h);
    p.lineTo(x + step, h);
    p.lineTo(x + step + h, 0);
    p.lineTo(x + h, 0);
    p.closePath();
    return p;
  }

  /** Rows of small blocks on a panel, as printed text looks from afar. */
  private static void marks(Graphics2D g, Random rnd, int w, int h) {
    int px = w / 5 + rnd.nextInt(w / 5);
    int py = h / 3 + rnd.nextInt(h / 4);
    int pw = w / 2;
    int ph = h / 4;
    g.setColor(rnd.nextBoolean() ? Color.WHITE : Color.BLACK);
    g.fillRect(px, py, pw, ph);
    g.setColor(g.getColor() == Color.WHITE ? Color.BLACK : Color.WHITE);
    int lineHeight = Math.max(4, ph / 4);
    for (int y = py + lineHeight / 2; y + lineHeight / 2 < py + ph; y += lineHeight) {
      for (int x = px + 3; x < px + pw - 6; ) {
        int word = 4 + rnd.nextInt(14);
        g.fillRect(x, y, Math.min(word, px + pw - 3 - x), Math.max(2, lineHeight / 2));
        x += word + 3;
      }
    }
  }
}
