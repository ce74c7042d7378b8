package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.MediaContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MediaContextToLiveTest {
  private static final ProductCatalog CATALOG =
      new ProductCatalog(Map.of(), Map.of("Shoe", "prod-shoe", "Scarf", "prod-scarf", "Ball", "prod-1"));

  @Test
  void productsAreTheSeenAndTheLabelledOnesSortedOnceAndLabelsTheFiveMostSeen() {
    MediaContext c = context(
        new ContextItem[] {item("prod-2", 90.0, 1), item("prod-1", 80.0, 2)},
        new ContextItem[] {
          item("Ball", 70.0, 3), item("Crowd", 99.0, 3), item("Shoe", 60.0, 5), item("Grass", 60.0, 5),
          item("Net", 55.0, 1), item("Goal", 55.0, 1), item("Flag", 50.0, 1)
        });

    LiveUpdate u = new MediaContextToLive(CATALOG).map(c);

    assertThat(u.products).containsExactly("prod-1", "prod-2", "prod-shoe");
    // frames first, then confidence, then name; Net and Goal tie on both, Goal wins on name.
    assertThat(u.labels).containsExactly("Grass", "Shoe", "Crowd", "Ball", "Goal");
    assertThat(c.labels[0].name).isEqualTo("Ball");
  }

  @Test
  void agreesWithSortingEveryLabelOnRandomWindows() {
    Random rnd = new Random(7);
    String[] names = {"Ball", "Crowd", "Shoe", "Grass", "Net", "Goal", "Flag", "Scarf", "Cap"};
    for (int run = 0; run < 2_000; run++) {
      ContextItem[] labels = new ContextItem[rnd.nextInt(12)];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = item(names[rnd.nextInt(names.length)],
            rnd.nextInt(4) == 0 ? null : (double) (50 + rnd.nextInt(3)),
            rnd.nextInt(4) == 0 ? null : rnd.nextInt(3));
      }
      ContextItem[] products = new ContextItem[rnd.nextInt(4)];
      for (int i = 0; i < products.length; i++) {
        products[i] = item("prod-" + rnd.nextInt(3), 90.0, 1);
      }
      MediaContext c = context(rnd.nextBoolean() ? products : null, rnd.nextInt(10) == 0 ? null : labels);

      LiveUpdate u = new MediaContextToLive(CATALOG).map(c);

      assertThat(u.labels).containsExactly(sortedTopFive(c.labels));
      assertThat(u.products).containsExactly(allProducts(c));
    }
  }

  /** The definition: a stable sort of every label, five kept. */
  private static String[] sortedTopFive(ContextItem[] labels) {
    if (labels == null) {
      return new String[0];
    }
    ContextItem[] sorted = labels.clone();
    Arrays.sort(
        sorted,
        Comparator.comparing((ContextItem c) -> c.frames == null ? 0 : c.frames)
            .thenComparing(c -> c.confidence == null ? 0 : c.confidence)
            .reversed()
            .thenComparing(c -> c.name));
    return Arrays.stream(sorted).limit(5).map(c -> c.name).toArray(String[]::new);
  }

  private static String[] allProducts(MediaContext c) {
    TreeSet<String> all = new TreeSet<>();
    if (c.products != null) {
      Arrays.stream(c.products).forEach(p -> all.add(p.name));
    }
    if (c.labels != null) {
      for (ContextItem l : c.labels) {
        if (CATALOG.productForLabel(l.name) != null) {
          all.add(CATALOG.productForLabel(l.name));
        }
      }
    }
    return all.toArray(new String[0]);
  }

  private static MediaContext context(ContextItem[] products, ContextItem[] labels) {
    MediaContext c = new MediaContext();
    c.mediaId = "m";
    c.eventTime = 1_000L;
    c.products = products;
    c.labels = labels;
    return c;
  }

  private static ContextItem item(String name, Double confidence, Integer frames) {
    ContextItem i = new ContextItem();
    i.name = name;
    i.confidence = confidence;
    i.frames = frames;
    return i;
  }
}
