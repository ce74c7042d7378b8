package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterReasonsTest {
  @Test
  void errorsThatDifferOnlyInTheirValuesShareAReason() {
    DeadLetterReasons reasons = new DeadLetterReasons();
    reasons.add("detections", "late: eventTime 1780167600000 is behind the watermark 1780167605000");
    reasons.add("match-events", "late: eventTime 1780167601000 is behind the watermark 1780167609000");
    reasons.add("detections", "items[3].confidence 250.0 is outside 0..100");
    reasons.add("detections", "items[0].confidence 101 is outside 0..100");
    reasons.add("detections", "not valid JSON: Unrecognized token 'this': was expecting (JSON String)");
    reasons.add("segments", "wrong value for 'items[2].kind': Cannot deserialize value");
    reasons.add("segments", null);

    assertThat(reasons.total()).isEqualTo(7);
    assertThat(reasons.reasons())
        .extracting(r -> r.reason, r -> r.count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("items[N].confidence N is outside N..N", 2L),
            org.assertj.core.groups.Tuple.tuple("late", 2L),
            org.assertj.core.groups.Tuple.tuple("no reason given", 1L),
            org.assertj.core.groups.Tuple.tuple("not valid JSON", 1L),
            org.assertj.core.groups.Tuple.tuple("wrong value for 'items[N].kind'", 1L));
    DeadLetterReasons.Reason late = reasons.reasons().get(1);
    assertThat(late.byInput).isEqualTo(Map.of("detections", 1L, "match-events", 1L));
    assertThat(late.example).startsWith("late: eventTime 1780167600000");
  }

  @Test
  void reasonsBeyondTheLimitAreCountedTogether() {
    DeadLetterReasons reasons = new DeadLetterReasons();
    for (int i = 0; i < DeadLetterReasons.MAX_REASONS + 10; i++) {
      reasons.add("detections", "field" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + " is missing");
    }

    assertThat(reasons.reasons()).hasSize(DeadLetterReasons.MAX_REASONS + 1);
    assertThat(reasons.reasons().get(0).reason).isEqualTo(DeadLetterReasons.OTHER);
    assertThat(reasons.reasons().get(0).count).isEqualTo(10);
    assertThat(reasons.total()).isEqualTo(DeadLetterReasons.MAX_REASONS + 10);
  }
}
