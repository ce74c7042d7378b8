package io.cuepoint.connectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.vectors.LocalVectorIndex;
import io.cuepoint.connectors.vectors.ProductMatch;
import io.cuepoint.connectors.vectors.VectorIndexFileFormat;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the embedded default matcher: a catalog of generated product photos is
 * embedded; video frames show some of those products (scaled, shifted, on busy backgrounds, with
 * noise and JPEG compression) or only products that are not in the catalog; each object is
 * cropped at its box as a detector would give it (each edge off by up to 8% of the box), embedded
 * and looked up, and the best match counts when its similarity reaches
 * {@link LocalImageEmbedder#SUGGESTED_MIN_SIMILARITY}.
 */
class VisualMatchingPrecisionTest {
  private static final int CATALOG = 40;
  private static final int FRAMES_WITH_CATALOG_PRODUCTS = 80;
  private static final int FRAMES_WITHOUT = 40;
  private static final double BOX_JITTER = 0.08;

  private static LocalImageEmbedder embedder;
  private static List<Query> queries;

  /** One crop: what it shows (null: no catalog product) and the best match. */
  static final class Query {
    final String truth;
    final ProductMatch best;

    Query(String truth, ProductMatch best) {
      this.truth = truth;
      this.best = best;
    }
  }

  @BeforeAll
  static void matchEveryCrop() throws Exception {
    embedder = new LocalImageEmbedder(2);
    queries = run(embedder, 2026);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void findsCatalogProductsInFramesAndRejectsOthers() {
    double threshold = LocalImageEmbedder.SUGGESTED_MIN_SIMILARITY;
    Figures f = Figures.at(queries, threshold);
    System.out.printf(
        "visual matching (local embedder, threshold %.2f): %d crops of catalog products, %d of"
            + " others; precision %.3f, recall %.3f (%d right, %d wrong product, %d non-catalog"
            + " matched, %d missed)%n",
        threshold, f.positives, f.negatives, f.precision(), f.recall(), f.right, f.wrongProduct,
        f.falseOnNegatives, f.missed);
    for (double t = 0.60; t < 0.96; t += 0.06) {
      Figures at = Figures.at(queries, t);
      System.out.printf("  threshold %.2f: precision %.3f recall %.3f%n", t, at.precision(), at.recall());
    }
    assertThat(f.positives).isGreaterThan(100);
    assertThat(f.negatives).isGreaterThan(50);
    assertThat(f.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
    assertThat(f.recall()).as("recall").isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void theRightProductIsUsuallyTheBestMatchEvenBelowTheThreshold() {
    long positives = queries.stream().filter(q -> q.truth != null).count();
    long top1 = queries.stream().filter(q -> q.truth != null && q.truth.equals(q.best.productId)).count();
    System.out.printf("visual matching: top-1 accuracy %.3f over %d crops%n", (double) top1 / positives, positives);
    assertThat((double) top1 / positives).isGreaterThanOrEqualTo(0.97);
  }

  static final class Figures {
    int positives;
    int negatives;
    int right;
    int wrongProduct;
    int falseOnNegatives;
    int missed;

    static Figures at(List<Query> queries, double threshold) {
      Figures f = new Figures();
      for (Query q : queries) {
        boolean matched = q.best.similarity >= threshold;
        if (q.truth == null) {
          f.negatives++;
          if (matched) {
            f.falseOnNegatives++;
          }
        } else {
          f.positives++;
          if (!matched) {
            f.missed++;
          } else if (q.truth.equals(q.best.productId)) {
            f.right++;
          } else {
            f.wrongProduct++;
          }
        }
      }
      return f;
    }

    double precision() {
      int claimed = right + wrongProduct + falseOnNegatives;
      return claimed == 0 ? 1 : (double) right / claimed;
    }

    double recall() {
      return (double) right / positives;
    }
  }

  static List<Query> run(LocalImageEmbedder embedder, long seed) throws Exception {
    String[] ids = new String[CATALOG];
    float[] vectors = new float[CATALOG * embedder.dimensions()];
    BufferedImage[] products = new BufferedImage[CATALOG];
    for (int i = 0; i < CATALOG; i++) {
      ids[i] = String.format("prod-%03d", i);
      products[i] = SyntheticProducts.product(i);
      byte[] photo = SyntheticProducts.jpeg(SyntheticProducts.catalogPhoto(products[i]), 0.9f);
      float[] v = embedder.embed(photo).get();
      System.arraycopy(v, 0, vectors, i * v.length, v.length);
    }
    List<Query> out = new ArrayList<>();
    Random rnd = new Random(seed);
    try (LocalVectorIndex index =
        new LocalVectorIndex(
            new VectorIndexFileFormat.Contents(
                embedder.modelId(), embedder.dimensions(), ids, new String[CATALOG], vectors))) {
      for (int f = 0; f < FRAMES_WITH_CATALOG_PRODUCTS + FRAMES_WITHOUT; f++) {
        boolean catalog = f < FRAMES_WITH_CATALOG_PRODUCTS;
        BufferedImage frame = SyntheticProducts.background(rnd);
        int objects = 1 + rnd.nextInt(2);
        List<Rectangle> boxes = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        for (int o = 0; o < objects; o++) {
          int size = 70 + rnd.nextInt(150);
          int x = (o * 320) + rnd.nextInt(Math.max(1, 320 - size));
          int y = rnd.nextInt(Math.max(1, 360 - size));
          int which = rnd.nextInt(CATALOG);
          BufferedImage product = catalog ? products[which] : SyntheticProducts.product(1000 + f * 2 + o);
          boxes.add(SyntheticProducts.place(frame, product, x, y, size));
          truths.add(catalog ? ids[which] : null);
        }
        SyntheticProducts.noise(frame, rnd, 6);
        BufferedImage received = decode(SyntheticProducts.jpeg(frame, 0.75f));
        for (int o = 0; o < boxes.size(); o++) {
          BufferedImage crop = crop(received, jitter(boxes.get(o), rnd));
          float[] v = embedder.embed(crop).get();
          out.add(new Query(truths.get(o), index.search(v, 1)[0]));
        }
      }
    }
    return out;
  }

  private static Rectangle jitter(Rectangle box, Random rnd) {
    int left = box.x + (int) Math.round((rnd.nextDouble() * 2 - 1) * BOX_JITTER * box.width);
    int right = box.x + box.width + (int) Math.round((rnd.nextDouble() * 2 - 1) * BOX_JITTER * box.width);
    int top = box.y + (int) Math.round((rnd.nextDouble() * 2 - 1) * BOX_JITTER * box.height);
    int bottom = box.y + box.height + (int) Math.round((rnd.nextDouble() * 2 - 1) * BOX_JITTER * box.height);
    return new Rectangle(left, top, right - left, bottom - top);
  }

  private static BufferedImage crop(BufferedImage frame, Rectangle box) {
    Rectangle r = box.intersection(new Rectangle(0, 0, frame.getWidth(), frame.getHeight()));
    return frame.getSubimage(r.x, r.y, r.width, r.height);
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }
}
