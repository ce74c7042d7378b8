package io.cuepoint.connectors.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalizeClientsTest {
  @Test
  void aSmallBudgetKeepsTheMinimumPool() {
    PersonalizeSettings s = new PersonalizeSettings();

    assertThat(PersonalizeClients.connections(s, 2)).isEqualTo(PersonalizeClients.MIN_CONNECTIONS);
  }

  @Test
  void aLargeBudgetGetsConnectionsForItsShareAtTheWholeCallTimeout() {
    PersonalizeSettings s = new PersonalizeSettings();
    s.callsPerSecond = 10_000;
    s.callTimeoutMs = 500;

    // 5,000 calls/s per subtask, each holding a connection up to 0.5 s.
    assertThat(PersonalizeClients.connections(s, 2)).isEqualTo(2_500);
  }

  @Test
  void callsInFlightAreTheSettingUnlessTheBudgetNeedsFewer() {
    PersonalizeSettings s = new PersonalizeSettings();
    s.callsInFlight = 128;
    s.callsPerSecond = 10_000;

    assertThat(PersonalizeClients.callsInFlight(s, 2)).isEqualTo(128);

    s.callsPerSecond = 50;
    assertThat(PersonalizeClients.callsInFlight(s, 2)).isEqualTo(PersonalizeClients.MIN_CONNECTIONS);
  }
}
