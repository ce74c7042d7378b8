package io.cuepoint.operators.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProductCatalogTest {
  @Test
  void readsTheSampleCatalog() throws Exception {
    ProductCatalog c =
        ProductCatalog.parse(Files.readString(Path.of("..", "samples", "soccer-final", "products.json")));
    assertThat(c.size()).isEqualTo(30);
    assertThat(c.productForLabel("Soccer Ball")).isEqualTo("prod-ball-final-2026");
    assertThat(c.productForLabel("soccer ball")).isEqualTo("prod-ball-final-2026");
    assertThat(c.productForLabel("Sneaker")).isEqualTo("prod-sneaker-street-one");
    assertThat(c.productForLabel("Person")).isNull();
    CatalogProduct boots = c.product("prod-boots-velocity-9");
    assertThat(boots.price).isEqualTo("229.0");
    assertThat(boots.currency).isEqualTo("EUR");
    assertThat(boots.link).isEqualTo("https://shop.example.com/p/prod-boots-velocity-9");
  }

  @Test
  void mistakesNameTheProductAndField() {
    assertThatThrownBy(() -> ProductCatalog.parse("{\"products\":[" + Overlays.product("a", "A", "d", "1", "X")
            + ",{\"productId\":\"b\",\"price\":1,\"currency\":\"EUR\"}]}"))
        .hasMessage("products[1].title: missing");
    assertThatThrownBy(() -> ProductCatalog.parse("{\"products\":[" + Overlays.product("a", "A", "d", "-1", "X") + "]}"))
        .hasMessage("products[0].price: must be a number of at least 0");
    assertThatThrownBy(() -> ProductCatalog.parse("{\"products\":[" + Overlays.product("a", "A", "d", "1", "Ball")
            + "," + Overlays.product("b", "B", "d", "1", "ball") + "]}"))
        .hasMessage("products[1].labels[0]: 'ball' already means a");
    assertThatThrownBy(() -> ProductCatalog.parse("{\"products\":[" + Overlays.product("a", "A", "d", "1", "X")
            + "," + Overlays.product("a", "B", "d", "1", "Y") + "]}"))
        .hasMessage("products[1].productId: 'a' appears twice");
    assertThatThrownBy(() -> ProductCatalog.parse("[]")).hasMessage("expected {\"products\": [...]}");
    assertThatThrownBy(() -> ProductCatalog.parse("{oops")).hasMessage("not valid JSON");
  }
}
