package io.cuepoint.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.connectors.personalize.PersonalizeServer;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.viewer.ViewerConfig;
import io.cuepoint.jobs.viewer.ViewerReferenceData;
import io.cuepoint.operators.viewer.DecisionRequest;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ranking part of the viewer path in a job on an embedded Flink, against Personalize's
 * protocol on loopback: decisions that come after a watermark are not held back by a slow call
 * made before it. Flink's unordered async operator emits nothing across a watermark, so without
 * the watermarks stopped in front of it the slow viewer's decision would come out first.
 */
@ExtendWith(LocalAwsCredentials.class)
class PersonalizeRankingTopologyTest {
  private static final long T0 = 1_780_167_600_000L;
  private static final int OTHERS = 10;

  @Test
  void decisionsAfterAWatermarkDoNotWaitForASlowCallBeforeIt() throws Exception {
    List<ViewerAction> out = new ArrayList<>();
    try (PersonalizeServer server = new PersonalizeServer()) {
      // Far longer than a cold client's first calls take on a busy machine.
      server.slowMs = 6_000;
      server.slowUsers = Set.of("slow");
      CuepointConfig config =
          CuepointConfig.of(
              Collections.emptyMap(),
              Map.of(
                  "Viewers.widgets", Path.of("..", "samples", "soccer-final", "widgets.json").toString(),
                  "Personalize.widget-campaign-arn",
                  "arn:aws:personalize:eu-west-1:123456789012:campaign/widgets",
                  "Personalize.endpoint", server.endpoint(),
                  "Personalize.calls-per-second", "1000",
                  "Personalize.cache-ttl", "0",
                  "Personalize.call-timeout", "20s",
                  "Personalize.retry-budget", "20s"));

      List<DecisionRequest> requests = new ArrayList<>();
      requests.add(request("slow", T0));
      for (int i = 1; i <= OTHERS; i++) {
        requests.add(request("viewer-" + i, T0 + 1_000L * i));
      }
      DataStream<DecisionRequest> timed =
          WatermarkAfterEach.stream(requests, DecisionRequest.class, (r, previous) -> r.eventTime);
      ViewerTopology.rank(
              timed,
              ViewerConfig.personalize(config),
              ViewerReferenceData.load(config).ranker,
              100)
          .executeAndCollect()
          .forEachRemaining(out::add);
    }

    assertThat(out).hasSize(OTHERS + 1);
    assertThat(out).allSatisfy(a -> assertThat(a.decidedBy).isEqualTo(DecidedBy.PERSONALIZE));
    assertThat(out.get(OTHERS).viewerId).isEqualTo("slow");
  }

  private static DecisionRequest request(String viewerId, long time) {
    DecisionRequest r = new DecisionRequest();
    r.id = "final-2026/" + viewerId + "/" + time + "/JOIN";
    r.viewerId = viewerId;
    r.mediaId = "final-2026";
    r.eventTime = time;
    r.positionMs = time - T0;
    r.moment = DecisionMoment.JOIN;
    r.segment = "adult-GB";
    r.context = new StringMap();
    r.widgets = new String[] {"w-chat", "w-food"};
    r.discountPercent = 10.0;
    return r;
  }
}
