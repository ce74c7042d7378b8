package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.connectors.aws.LocalAwsCredentials;
import io.cuepoint.operators.viewer.ViewerFeedback;
import io.cuepoint.schemas.records.StringMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Viewer interactions reach an event tracker on loopback through the real SDK client, batched. */
@ExtendWith(LocalAwsCredentials.class)
class PersonalizeEventsSinkTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void interactionsAreSentOncePerSessionInCallsOfAtMostTen() throws Exception {
    List<ViewerFeedback> feedback = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ViewerFeedback f = new ViewerFeedback();
      f.viewerId = "fan-" + (i % 7);
      f.mediaId = "final-2026";
      f.sessionId = f.viewerId + "-1780167600000";
      f.itemId = i % 2 == 0 ? "w-chat" : "prod-scarf-sierra";
      f.eventType = i % 3 == 0 ? "Click" : "View";
      f.eventTime = 1_780_167_600_000L + i * 1_000L;
      f.context = StringMap.of("MATCH_PHASE", "SECOND_HALF", "SCORE_DIFF", "ONE");
      feedback.add(f);
    }
    try (PersonalizeServer server = new PersonalizeServer()) {
      // The first call is throttled: its events must be sent again, not lost.
      server.eventsScript = n -> n == 1 ? 429 : 200;
      PersonalizeSettings settings = new PersonalizeSettings();
      settings.region = "eu-west-1";
      settings.endpoint = server.endpoint();
      settings.trackingId = "tracking-1";
      // A call timing out on a busy machine would be sent again: at least once is the contract.
      settings.callTimeoutMs = 10_000;

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.fromData(feedback, TypeInformation.of(ViewerFeedback.class))
          .sinkTo(new PersonalizeEventsSink(settings));
      env.execute("personalize events");

      Set<String> delivered = new HashSet<>();
      for (JsonNode call : server.eventCalls) {
        assertThat(call.path("trackingId").asText()).isEqualTo("tracking-1");
        assertThat(call.path("eventList").size()).isBetween(1, 10);
        for (JsonNode e : call.path("eventList")) {
          assertThat(e.path("eventId").asText()).startsWith(call.path("userId").asText() + "-");
          assertThat(call.path("sessionId").asText()).startsWith(call.path("userId").asText() + "-");
          JsonNode properties = new ObjectMapper().readTree(e.path("properties").asText());
          assertThat(properties.path("matchPhase").asText()).isEqualTo("SECOND_HALF");
          assertThat(properties.path("scoreDiff").asText()).isEqualTo("ONE");
          assertThat(e.path("sentAt").isNumber()).isTrue();
          assertThat(delivered.add(e.path("eventId").asText())).as("sent once").isTrue();
        }
      }
      assertThat(delivered).hasSize(120);
      assertThat(server.refusedEventCalls).singleElement().satisfies(refused -> {
        assertThat(refused.path("eventList").size()).isPositive();
        for (JsonNode e : refused.path("eventList")) {
          assertThat(delivered).contains(e.path("eventId").asText());
        }
      });
    }
  }
}
