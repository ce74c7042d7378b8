package io.cuepoint.connectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LocalImageEmbedderTest {
  private static final LocalImageEmbedder EMBEDDER = new LocalImageEmbedder(2);

  @AfterAll
  static void close() {
    EMBEDDER.close();
  }

  @Test
  void theSameImageGivesTheSameVectorBitForBitInAnyEmbedder() throws Exception {
    byte[] photo = SyntheticProducts.jpeg(SyntheticProducts.catalogPhoto(SyntheticProducts.product(3)), 0.9f);
    float[] first = EMBEDDER.embed(photo).get();
    float[] again = EMBEDDER.embed(photo).get();
    try (LocalImageEmbedder other = new LocalImageEmbedder(1)) {
      assertThat(other.embed(photo).get()).containsExactly(first);
    }
    assertThat(again).containsExactly(first);
  }

  @Test
  void vectorsAreL2NormalisedWithTheAdvertisedDimensions() throws Exception {
    for (int seed = 0; seed < 5; seed++) {
      float[] v = EMBEDDER.embed(SyntheticProducts.png(SyntheticProducts.product(seed))).get();
      assertThat(v).hasSize(EMBEDDER.dimensions());
      assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(EMBEDDER.modelId()).isEqualTo(ImageFeatures.VERSION);
  }

  @Test
  void anImageOfOneColourStillGivesAUnitVector() throws Exception {
    BufferedImage plain = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = plain.createGraphics();
    g.setColor(new Color(200, 30, 30));
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    assertThat(norm(EMBEDDER.embed(plain).get())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void aScaledNoisyCopyIsCloserThanAnotherProduct() throws Exception {
    BufferedImage product = SyntheticProducts.product(11);
    float[] catalog = EMBEDDER.embed(SyntheticProducts.catalogPhoto(product)).get();
    BufferedImage frame = SyntheticProducts.background(new java.util.Random(5));
    java.awt.Rectangle box = SyntheticProducts.place(frame, product, 200, 80, 150);
    SyntheticProducts.noise(frame, new java.util.Random(6), 8);
    float[] crop = EMBEDDER.embed(frame.getSubimage(box.x, box.y, box.width, box.height)).get();
    float[] other = EMBEDDER.embed(SyntheticProducts.catalogPhoto(SyntheticProducts.product(12))).get();
    assertThat(dot(catalog, crop)).isGreaterThan(LocalImageEmbedder.SUGGESTED_MIN_SIMILARITY);
    assertThat(dot(catalog, crop)).isGreaterThan(dot(other, crop) + 0.2);
  }

  @Test
  void bytesThatAreNoImageFailTheFutureNotTheCaller() {
    assertThatThrownBy(() -> EMBEDDER.embed("not an image".getBytes()).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JPEG or PNG image");
  }

  private static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
