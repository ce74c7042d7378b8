package io.cuepoint.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.connectors.embedding.BedrockSettings;
import io.cuepoint.connectors.shoppable.MatcherSettings;
import io.cuepoint.connectors.shoppable.ShoppableServices;
import io.cuepoint.connectors.vectors.OpenSearchSettings;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShoppableServicesConfigTest {
  private static CuepointConfig config(Map<String, String> overrides) {
    return CuepointConfig.of(Collections.emptyMap(), overrides);
  }

  @Test
  void byDefaultNeitherBedrockNorOpenSearchIsUsed() {
    CuepointConfig c = CuepointConfig.defaults();
    ShoppableServices s = ShoppableServicesConfig.services(c, "products.idx", () -> null, f -> null);
    assertThat(s.bedrock).isNull();
    assertThat(s.openSearch).isNull();
    assertThat(s.localIndexFile).isEqualTo("products.idx");
    MatcherSettings m = ShoppableServicesConfig.matcher(c);
    assertThat(m.productLabels).isEmpty();
    assertThat(m.maxCropsPerFrame).isEqualTo(5);
  }

  @Test
  void bedrockAndOpenSearchSettingsComeFromTheirProperties() {
    CuepointConfig c =
        config(
            Map.of(
                "Shoppable.embedder", "bedrock",
                "Shoppable.bedrock-dimensions", "1024",
                "Shoppable.bedrock-tps", "25",
                "Shoppable.bedrock-endpoint", "http://127.0.0.1:4599",
                "Shoppable.region", "eu-central-1",
                "Shoppable.index-kind", "opensearch",
                "Shoppable.opensearch-endpoint", "https://search-products.eu-central-1.es.amazonaws.com",
                "Shoppable.opensearch-signing", "es",
                "Shoppable.retry-budget", "3s",
                "Shoppable.product-labels", "Bottle, Shoe ,,Jersey"));
    ShoppableServices s = ShoppableServicesConfig.services(c, "", () -> null, f -> null);
    BedrockSettings b = s.bedrock;
    assertThat(b.dimensions).isEqualTo(1024);
    assertThat(b.callsPerSecond).isEqualTo(25.0);
    assertThat(b.modelId).isEqualTo("amazon.titan-embed-image-v1");
    assertThat(b.access.region()).isEqualTo("eu-central-1");
    assertThat(b.access.endpoint()).isEqualTo("http://127.0.0.1:4599");
    assertThat(b.retry.budgetMs).isEqualTo(3_000);
    OpenSearchSettings o = s.openSearch;
    assertThat(o.signing).isEqualTo(OpenSearchSettings.Signing.ES);
    assertThat(o.region).isEqualTo("eu-central-1");
    assertThat(o.index).isEqualTo("cuepoint-products");
    s.validate();
    assertThat(ShoppableServicesConfig.matcher(c).productLabels).containsExactly("Bottle", "Shoe", "Jersey");
  }

  @Test
  void mistakesAreOneLineNamingTheProperty() {
    assertThatThrownBy(() -> config(Map.of("Shoppable.opensearch-signing", "aoss")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Shoppable.opensearch-signing: needs Shoppable.opensearch-endpoint");
    assertThatThrownBy(() -> config(Map.of("Shoppable.index-kind", "opensearch")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Shoppable.index-kind: opensearch needs Shoppable.opensearch-endpoint");
    assertThatThrownBy(() -> config(Map.of("Shoppable.region", "Frankfurt")))
        .hasMessageStartingWith("Shoppable.region: 'Frankfurt' is not an AWS region");
    assertThatThrownBy(() -> config(Map.of("Shoppable.bedrock-dimensions", "512")))
        .hasMessageStartingWith("Shoppable.bedrock-dimensions: '512' is not one of 256, 384, 1024");
    assertThatThrownBy(() -> config(Map.of("Shoppable.opensearch-index", "Products")))
        .hasMessageStartingWith("Shoppable.opensearch-index:");
    assertThatThrownBy(() -> config(Map.of("Shoppable.opensearch-endpoint", "search.example.com")))
        .hasMessageStartingWith("Shoppable.opensearch-endpoint:");
  }
}
