package com.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What runs before beans exist reads the settings as the context binds them. */
class DatabaseSettingsTest {

  @Test
  void shouldWaitTwoMinutesForTheDatabaseUnlessToldOtherwise() {
    assertThat(DatabaseSettings.in(new MockEnvironment()).startWait()).isEqualTo(Duration.ofMinutes(2));
    assertThat(DatabaseSettings.in(new MockEnvironment().withProperty("incident-flow.database.start-wait", "PT0S")).startWait())
        .isEqualTo(Duration.ZERO);
    assertThat(DatabaseSettings.in(new MockEnvironment().withProperty("incident-flow.database.startWait", "30s")).startWait())
        .as("relaxed names and units, as the context binds them")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadTheDataSourceWithItsPlaceholdersResolved() {
    var dataSource = DatabaseSettings.dataSourceIn(new MockEnvironment()
        .withProperty("INCIDENT_FLOW_DB_URL", "jdbc:postgresql://db:5432/incidentflow")
        .withProperty("spring.datasource.url", "${INCIDENT_FLOW_DB_URL}")
        .withProperty("spring.datasource.username", "flow"));

    assertThat(dataSource.getUrl()).isEqualTo("jdbc:postgresql://db:5432/incidentflow");
    assertThat(dataSource.getUsername()).isEqualTo("flow");
    assertThat(DatabaseSettings.dataSourceIn(new MockEnvironment()).getUrl()).isNull();
  }
}
