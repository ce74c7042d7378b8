package io.cuepoint.connectors.embedding;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The embedded default {@link ImageEmbedder}: {@link ImageFeatures} computed in-process, with no
 * model to download. Decoding and the descriptor run on the embedder's own small pool of daemon
 * threads, so the caller (a Flink task thread) never does the work.
 */
public final class LocalImageEmbedder implements ImageEmbedder {
  /**
   * The similarity from which a match is taken, measured on generated catalogs and frames
   * ({@code VisualMatchingPrecisionTest}); the default of {@code Shoppable.min-similarity}.
   */
  public static final double SUGGESTED_MIN_SIMILARITY = 0.78;

  private final ExecutorService executor;

  /** @param threads how many images are embedded at once */
  public LocalImageEmbedder(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
  }

  @Override
  public String modelId() {
    return ImageFeatures.VERSION;
  }

  @Override
  public int dimensions() {
    return ImageFeatures.DIMENSIONS;
  }

  /** Fails with {@link IllegalArgumentException} when the bytes are not a readable image. */
  @Override
  public CompletableFuture<float[]> embed(byte[] image) {
    return CompletableFuture.supplyAsync(() -> ImageFeatures.of(decode(image)), executor);
  }

  /** Embeds an image that is already decoded, such as a crop of a video frame. */
  public CompletableFuture<float[]> embed(BufferedImage image) {
    return CompletableFuture.supplyAsync(() -> ImageFeatures.of(image), executor);
  }

  static BufferedImage decode(byte[] bytes) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new IllegalArgumentException("not a JPEG or PNG image");
    }
    return image;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "local-image-embedder-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
