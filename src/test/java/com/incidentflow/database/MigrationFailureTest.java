package com.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A migration that fails halfway (test-only location db/failing-migration: its V99 creates a table,
 * fills it, then reads a table that is missing): nothing of it stays, one line names it, the app does
 * not start; once the fault is fixed the next start applies it and runs.
 */
@Tag("own-jvm") // starts its own engine named "default" (pom.xml)
@Tag("postgres") // on H2, and once more on PostgreSQL (./mvnw verify -Ppostgres)
@ExtendWith(OutputCaptureExtension.class)
class MigrationFailureTest {

  static final String WITH_FAILING_MIGRATION =
      "--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor},classpath:db/failing-migration";

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Test
  void shouldLeaveNothingOfAFailedMigrationAndApplyItOnceTheFaultIsFixed(CapturedOutput output) throws Exception {
    try (TestDatabase database = TestDatabase.create("migration")) {
      String incident;
      try (ConfigurableApplicationContext app = start(database)) {
        IncidentDriver driver = new IncidentDriver(app.getBean(ProcessEngine.class));
        incident = driver.report("emma", IncidentDriver.report("Checkout is down")).getId();
      }

      assertThatThrownBy(() -> start(database, WITH_FAILING_MIGRATION).close());

      assertThat(output.getOut()).containsOnlyOnce(
          "Database migration V99 (probe needs prerequisite) failed and nothing of it was applied; the app does not start until it succeeds: ");
      try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
        assertThat(AdoptOnlyPreviousRelease.missingTables(connection, List.of("migration_probe"))).as("V99's first table").containsExactly("migration_probe");
        assertThat(versions(sql)).as("the app's migrations, and not V99").containsExactlyElementsOf(TestDatabase.migrationVersions());
        assertThat(count(sql, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = '" + incident + "'")).isEqualTo(1);
        // The fault fixed: the table V99 reads is there.
        sql.execute("CREATE TABLE migration_prerequisite (id INT NOT NULL PRIMARY KEY)");
        sql.execute("INSERT INTO migration_prerequisite (id) VALUES (2)");
      }

      try (ConfigurableApplicationContext app = start(database, WITH_FAILING_MIGRATION)) {
        assertThat(app.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery().processInstanceId(incident).count()).isEqualTo(1);
      }
      try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
        List<String> withV99 = new ArrayList<>(TestDatabase.migrationVersions());
        withV99.add("99");
        assertThat(versions(sql)).containsExactlyElementsOf(withV99);
        assertThat(count(sql, "SELECT COUNT(*) FROM migration_probe")).isEqualTo(2);
      }
    }
  }

  static ConfigurableApplicationContext start(TestDatabase database, String... more) {
    List<String> arguments = new ArrayList<>(database.arguments());
    arguments.add("--server.port=0");
    arguments.add("--incident-flow.database.start-wait=PT0S");
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(IncidentFlowApplication.class).profiles("test").run(arguments.toArray(String[]::new));
  }

  static List<String> versions(Statement sql) throws Exception {
    List<String> versions = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery(
        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  static int count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
