package io.cuepoint.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.connectors.rekognition.RekognitionSettings;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RekognitionConfigTest {
  static final String ARN =
      "arn:aws:rekognition:eu-west-1:123456789012:project/kit/version/kit.2026-05-01/1714550400000";

  @Test
  void offByDefaultWithTheDocumentedDefaults() {
    RekognitionSettings s = RekognitionConfig.of(CuepointConfig.defaults());
    assertThat(s.enabled).isFalse();
    assertThat(s.detectLabels).isTrue();
    assertThat(s.recognizeCelebrities).isTrue();
    assertThat(s.detectCustomLabels).isFalse();
    assertThat(s.labelsPerSecond).isEqualTo(5.0);
    assertThat(s.frameTimeoutMs).isEqualTo(60_000);
    assertThat(s.endpoint).isEmpty();
    assertThat(s.emulatorCredentials).isFalse();
  }

  @Test
  void valuesReachTheSettings() {
    RekognitionSettings s =
        RekognitionConfig.of(
            config(
                Map.of(
                    "Rekognition.detect-custom-labels", "true",
                    "Rekognition.custom-labels.project-version-arn", ARN,
                    "Rekognition.celebrities.calls-per-second", "2.5",
                    "Rekognition.min-confidence", "70",
                    "Rekognition.retry-budget", "4s",
                    "Rekognition.endpoint", "http://127.0.0.1:9001",
                    "Rekognition.region", "eu-west-1",
                    "Rekognition.labels.price-per-image", "0.0008",
                    "Aws.credentials", "emulator",
                    "Kinesis.endpoint", "http://127.0.0.1:4567")));
    assertThat(s.enabled).isTrue();
    assertThat(s.detectCustomLabels).isTrue();
    assertThat(s.projectVersionArn).isEqualTo(ARN);
    assertThat(s.celebritiesPerSecond).isEqualTo(2.5);
    assertThat(s.minConfidence).isEqualTo(70.0);
    assertThat(s.retryBudgetMs).isEqualTo(4_000);
    assertThat(s.endpoint).isEqualTo("http://127.0.0.1:9001");
    assertThat(s.region).isEqualTo("eu-west-1");
    assertThat(s.labelsPricePerImage).isEqualTo(0.0008);
    assertThat(s.emulatorCredentials).isTrue();
  }

  @Test
  void customLabelsNeedTheirModelVersion() {
    assertThatThrownBy(() -> config(Map.of("Rekognition.detect-custom-labels", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Rekognition.custom-labels.project-version-arn: required with Rekognition.detect-custom-labels true");
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "Rekognition.detect-custom-labels", "true",
                        "Rekognition.custom-labels.project-version-arn", "kit-model")))
        .hasMessageStartingWith(
            "Rekognition.custom-labels.project-version-arn: 'kit-model' is not a Custom Labels model version ARN");
  }

  @Test
  void otherMistakesAreOneLineNamingTheProperty() {
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "Rekognition.detect-labels", "false",
                        "Rekognition.recognize-celebrities", "false")))
        .hasMessageStartingWith("Rekognition.enabled: needs at least one of Rekognition.detect-labels");
    assertThatThrownBy(
            () -> config(Map.of("Rekognition.retry-budget", "58s", "Rekognition.call-timeout", "2s")))
        .hasMessageStartingWith(
            "Rekognition.frame-timeout: must be more than Rekognition.retry-budget + Rekognition.call-timeout (60000 ms)");
    assertThatThrownBy(() -> config(Map.of("Rekognition.call-timeout", "0")))
        .hasMessage("Rekognition.call-timeout: must be more than 0");
    assertThatThrownBy(() -> config(Map.of("Rekognition.endpoint", "localhost:9001")))
        .hasMessageStartingWith("Rekognition.endpoint: 'localhost:9001' is not an http(s) URL");
    assertThatThrownBy(() -> config(Map.of("Rekognition.region", "Ireland")))
        .hasMessage("Rekognition.region: 'Ireland' is not an AWS region (like eu-west-1)");
    assertThatThrownBy(() -> config(Map.of("Rekognition.labels.calls-per-second", "0")))
        .hasMessageStartingWith("Rekognition.labels.calls-per-second: 0 is outside");
  }

  /** A validated configuration with Rekognition on and the given overrides. */
  private static CuepointConfig config(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("Rekognition.enabled", "true");
    return CuepointConfig.of(Collections.emptyMap(), all);
  }
}
