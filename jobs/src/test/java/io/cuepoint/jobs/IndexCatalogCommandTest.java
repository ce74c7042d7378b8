package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.embedding.ImageFeatures;
import io.cuepoint.connectors.vectors.LocalVectorIndex;
import io.cuepoint.connectors.vectors.ProductMatch;
import io.cuepoint.connectors.vectors.VectorIndexFileFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCatalogCommandTest {
  @TempDir Path dir;

  @Test
  void indexesImagesReportsMissingOnesAndReembedsOnlyWhatChanged() throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    Path index = dir.resolve("out/index.cpvi");
    image(images.resolve("p-red.png"), Color.RED, Color.WHITE);
    image(images.resolve("blue-shot.jpg"), Color.BLUE, Color.YELLOW);
    Files.writeString(images.resolve("p-broken.png"), "not a png");
    Path catalog = catalog(
        product("p-red", null),
        product("p-blue", "https://images.example.com/products/blue-shot.jpg?v=2"),
        product("p-none", "https://images.example.com/products/none.jpg"),
        product("p-broken", null));

    CommandLineRun first = new CommandLineRun();
    assertThat(first.run(args(catalog, images, index))).isZero();
    assertThat(first.stdout())
        .startsWith("index-catalog: 2 embedded, 0 unchanged, 0 removed, 1 without an image (p-none), 1 unreadable (p-broken: p-broken.png not a JPEG or PNG image)")
        .contains(index.toString());
    try (LocalVectorIndex loaded = LocalVectorIndex.open(index, ImageFeatures.VERSION)) {
      assertThat(loaded.size()).isEqualTo(2);
      float[] red = VectorIndexFileFormat.read(index).vectors;
      ProductMatch best = loaded.search(java.util.Arrays.copyOfRange(red, ImageFeatures.DIMENSIONS, 2 * ImageFeatures.DIMENSIONS), 1)[0];
      assertThat(best.productId).isEqualTo("p-red");
      assertThat(best.similarity).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    byte[] afterFirst = Files.readAllBytes(index);

    CommandLineRun again = new CommandLineRun();
    assertThat(again.run(args(catalog, images, index))).isZero();
    assertThat(again.stdout()).startsWith("index-catalog: 0 embedded, 2 unchanged, 0 removed, 1 without an image (p-none)");
    assertThat(Files.readAllBytes(index)).isEqualTo(afterFirst);

    image(images.resolve("blue-shot.jpg"), Color.BLUE, Color.GREEN);
    Path smaller = catalog(product("p-blue", "https://images.example.com/products/blue-shot.jpg"));
    CommandLineRun changed = new CommandLineRun();
    assertThat(changed.run(args(smaller, images, index))).isZero();
    assertThat(changed.stdout()).startsWith("index-catalog: 1 embedded, 0 unchanged, 1 removed, 0 without an image");
    assertThat(VectorIndexFileFormat.read(index).productIds).containsExactly("p-blue");
  }

  @Test
  void imagesDefaultToTheCatalogsFolder() throws Exception {
    image(dir.resolve("p-red.png"), Color.RED, Color.WHITE);
    Path catalog = catalog(product("p-red", null));
    CommandLineRun cli = new CommandLineRun();
    assertThat(cli.run("index-catalog", "--catalog", catalog.toString(), "--set", "Shoppable.index-file=" + dir.resolve("i.cpvi"))).isZero();
    assertThat(cli.stdout()).startsWith("index-catalog: 1 embedded");
  }

  @Test
  void badArgumentsAreOneLineAndExitCodeTwo() throws Exception {
    Path catalog = catalog(product("p-red", null));
    CommandLineRun noCatalog = new CommandLineRun();
    assertThat(noCatalog.run("index-catalog")).isEqualTo(2);
    assertThat(noCatalog.errorLine()).isEqualTo("cuepoint: index-catalog: --catalog is required");

    Path notJson = dir.resolve("bad.json");
    Files.writeString(notJson, "{\"products\": [{\"productId\": \"x\"}]}");
    CommandLineRun badCatalog = new CommandLineRun();
    assertThat(badCatalog.run("index-catalog", "--catalog", notJson.toString())).isEqualTo(2);
    assertThat(badCatalog.errorLine()).isEqualTo("cuepoint: index-catalog: --catalog " + notJson + ": products[0].title: missing");

    CommandLineRun noFolder = new CommandLineRun();
    assertThat(noFolder.run("index-catalog", "--catalog", catalog.toString(), "--images", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(noFolder.errorLine()).endsWith("--images " + dir.resolve("nope") + " is not a folder");

    CommandLineRun badKind = new CommandLineRun();
    assertThat(badKind.run("index-catalog", "--catalog", catalog.toString(), "--set", "Shoppable.index-kind=faiss")).isEqualTo(2);
    assertThat(badKind.errorLine()).startsWith("cuepoint: Shoppable.index-kind: 'faiss' is not one of local");

    Path notAnIndex = dir.resolve("not-an-index.cpvi");
    Files.writeString(notAnIndex, "hello");
    CommandLineRun badFile = new CommandLineRun();
    assertThat(badFile.run("index-catalog", "--catalog", catalog.toString(), "--set", "Shoppable.index-file=" + notAnIndex)).isEqualTo(2);
    assertThat(badFile.errorLine()).contains("Shoppable.index-file: ").contains("not a Cuepoint vector index file");
  }

  private String[] args(Path catalog, Path images, Path index) {
    return new String[] {
      "index-catalog", "--catalog", catalog.toString(), "--images", images.toString(),
      "--set", "Shoppable.index-file=" + index
    };
  }

  private Path catalog(String... products) throws Exception {
    Path file = Files.createTempFile(dir, "products", ".json");
    Files.writeString(file, "{\"products\": [" + String.join(",", products) + "]}");
    return file;
  }

  private static String product(String id, String imageUrl) {
    return "{\"productId\": \"" + id + "\", \"title\": \"" + id + "\", \"price\": 10, \"currency\": \"EUR\""
        + (imageUrl == null ? "" : ", \"imageUrl\": \"" + imageUrl + "\"") + "}";
  }

  private static void image(Path file, Color fill, Color mark) throws Exception {
    BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(fill);
    g.fillRect(0, 0, 120, 90);
    g.setColor(mark);
    g.fillOval(30, 20, 60, 40);
    g.dispose();
    String name = file.getFileName().toString();
    ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg"), file.toFile());
  }
}
