package com.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.intake.ApiClient.Answer;
import com.incidentflow.intake.alert.AlertController;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.number.IncidentNumberService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.incidentflow.notification.NotificationDelivery;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database the release before migrations used (its tables from schema.sql, which V1 keeps unchanged,
 * and incidents in it) is upgraded by this build at start: Flyway adopts it at version 1, applies the
 * later versions, and every incident, number counter, alert group and metrics row is still there and
 * goes on working.
 *
 * <p>Starts the app twice on a database of its own (an H2 file, or a new PostgreSQL database with
 * -Ppostgres), one after the other, so it runs apart from the shared test context.
 */
@Tag("own-jvm") // starts its own engines named "default" (pom.xml)
@Tag("postgres")
class PreviousReleaseUpgradeTest {

  /** Our tables and the order that lists their rows the same way every time. */
  static final Map<String, String> TABLES = Map.of(
      "incident_number_counter", "counter_year",
      "alert_group", "group_key",
      "metrics_incident", "process_instance_id",
      "metrics_step", "activity_instance_id",
      "metrics_client", "variable_id");

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Test
  void shouldKeepEveryIncidentCounterAlertGroupAndMetricsRowWhenUpgradingTheReleaseBeforeMigrations() throws Exception {
    try (TestDatabase database = TestDatabase.create("upgrade")) {
      Map<String, List<Map<String, Object>>> before;
      List<String> incidentsBefore;
      String alertGroupKey = "{}/{}:{alertname=\"DiskFull\", run=\"upgrade\"}";
      String alertIncident;

      // The previous release: its tables from schema.sql at every start (spring.sql.init), no Flyway.
      try (ConfigurableApplicationContext previous = start(database,
          "--spring.flyway.enabled=false",
          "--spring.sql.init.mode=always",
          // This build's code plays that release; "Confirm the situation" reads the change feed (V5) and a
          // completed step is counted per duration (V7), a confirmed client (V8) and an incident (V9) per day, and each per
          // year beside the times to milestones (V10), so those tables exist
          // while it plays and are dropped before the upgrade, as that release had none.
          "--spring.sql.init.schema-locations=classpath:db/migration/common/V1__incident_flow_tables.sql,"
              + "classpath:db/migration/common/V5__change_feed.sql,classpath:db/migration/common/V7__metrics_step_day.sql,"
              + "classpath:db/migration/common/V8__metrics_client_day.sql,classpath:db/migration/common/V9__metrics_trend_day.sql,"
              + "classpath:db/migration/common/V10__metrics_year_counts.sql")) {
        // That release sent mail inside the incident and had no table of sent notifications (V3): this
        // build's deliveries stay queued until the upgrade, which sends them.
        IncidentDriver driver = new IncidentDriver(previous.getBean(ProcessEngine.class), false);
        ProcessInstance resolved = driver.reportAndJudge("Checkout is down", "SOME", "HIGH", "URGENT");
        driver.complete(resolved, Tasks.FIRST_RESPONSE, "emma", IncidentDriver.firstResponse());
        driver.complete(resolved, Tasks.INVESTIGATE, "emma", IncidentDriver.rootCauseFound());
        driver.complete(resolved, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("ONE", "Acme Corp"));
        driver.runJobs(resolved);
        driver.complete(resolved, Tasks.CONTACT_CLIENT, "chloe", IncidentDriver.clientContact("Understood"));
        driver.complete(resolved, Tasks.PERMANENT_FIX, "emma", IncidentDriver.fix());
        driver.complete(resolved, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("APPROVED"));
        driver.runJobs(resolved);
        driver.complete(resolved, Tasks.WRAP_UP, "emma", IncidentDriver.wrapUp());
        driver.reportAndJudge("Typo on the settings page", "SOME", "MEDIUM", "NOT_URGENT");
        driver.report("emma", IncidentDriver.report("Search is slow"));
        Answer opened = alert(previous, alertGroupKey);
        assertThat(opened.status()).isEqualTo(201);
        alertIncident = opened.body().path("incidentNumber").asText();

        before = rows(previous);
        incidentsBefore = incidents(previous);
      }
      assertThat(incidentsBefore).hasSize(4);
      assertThat(before.get("incident_number_counter")).hasSize(1);
      assertThat(before.get("alert_group")).hasSize(1);
      assertThat(before.get("metrics_incident")).hasSize(4);
      assertThat(before.get("metrics_step")).isNotEmpty();
      assertThat(before.get("metrics_client")).hasSize(1);
      assertThat(tableExists(database, "flyway_schema_history")).isFalse();
      try (var connection = database.connect(); var statement = connection.createStatement()) {
        statement.execute("DROP TABLE change_suspected");
        statement.execute("DROP TABLE change_event");
        statement.execute("DROP TABLE metrics_step_day");
        statement.execute("DROP TABLE metrics_step_month");
        statement.execute("DROP TABLE metrics_client_day");
        statement.execute("DROP TABLE metrics_client_month");
        statement.execute("DROP INDEX metrics_incident_unconfirmed");
        statement.execute("DROP TABLE metrics_trend_day");
        for (String table : List.of("metrics_step_year", "metrics_client_year", "metrics_timeto_day", "metrics_timeto_month",
            "metrics_timeto_year")) {
          statement.execute("DROP TABLE " + table);
        }
      }

      // This release on the same database.
      try (ConfigurableApplicationContext upgraded = start(database)) {
        assertThat(rows(upgraded)).isEqualTo(before);
        assertThat(incidents(upgraded)).isEqualTo(incidentsBefore);
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForList(
                "SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
            .extracting(row -> row.get("version") + " " + row.get("type") + " " + row.get("success"))
            .containsExactly("1 BASELINE true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true",
                "8 SQL true", "9 SQL true", "10 SQL true");
        // The steps recorded before are counted per duration at the first start.
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForObject("SELECT SUM(steps) FROM metrics_step_month", Long.class))
            .isEqualTo(before.get("metrics_step").size());
        // The confirmed client recorded before is counted per day and month by the upgrade (V8).
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForList("SELECT client, incidents FROM metrics_client_month"))
            .extracting(row -> row.get("CLIENT") + " " + row.get("INCIDENTS")).containsExactly("Acme Corp 1");
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForObject("SELECT SUM(incidents) FROM metrics_client_day", Long.class))
            .isEqualTo(1L);
        // The incidents recorded before are counted per day of their report and resolution by the upgrade (V9).
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForList(
                "SELECT event, SUM(incidents) AS n FROM metrics_trend_day GROUP BY event ORDER BY event"))
            .extracting(row -> row.get("EVENT") + " " + row.get("N")).containsExactly("reported 4", "resolved 1");
        // Per year, the sums of the months (V10); the times to milestones recorded before are counted at the first start:
        // the resolved incident was acknowledged, mitigated and resolved, the other judged one acknowledged.
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForObject("SELECT SUM(steps) FROM metrics_step_year", Long.class))
            .isEqualTo(before.get("metrics_step").size());
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForList("SELECT client, incidents FROM metrics_client_year"))
            .extracting(row -> row.get("CLIENT") + " " + row.get("INCIDENTS")).containsExactly("Acme Corp 1");
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForList(
                "SELECT milestone, SUM(incidents) AS n FROM metrics_timeto_year GROUP BY milestone ORDER BY milestone"))
            .extracting(row -> row.get("MILESTONE") + " " + row.get("N")).containsExactly("ACKNOWLEDGED 2", "MITIGATED 1", "RESOLVED 1");

        // The notifications queued before the upgrade go out after it, each recorded once.
        ManagementService management = upgraded.getBean(ProcessEngine.class).getManagementService();
        List<Job> queued = management.createJobQuery().processDefinitionKey(NotificationDelivery.PROCESS_KEY).list();
        assertThat(queued).isNotEmpty();
        queued.forEach(job -> management.executeJob(job.getId()));
        assertThat(upgraded.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM notification_sent", Integer.class))
            .isEqualTo(queued.size());
        assertThat(smtp.getReceivedMessages()).isNotEmpty();

        // It goes on: the next number follows the counter, a repeat of the alert lands on its incident.
        IncidentDriver driver = new IncidentDriver(upgraded.getBean(ProcessEngine.class));
        String next = driver.report("emma", IncidentDriver.report("Exports are empty")).getBusinessKey();
        int year = Integer.parseInt(next.substring(4, 8));
        assertThat(next).isEqualTo(IncidentNumberService.format(year, lastNumber(before, year) + 1));

        Answer repeated = alert(upgraded, alertGroupKey);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("outcome").asText()).isEqualTo("REPEATED");
        assertThat(repeated.body().path("incidentNumber").asText()).isEqualTo(alertIncident);
      }
    }
  }

  @Test
  void shouldRefuseToStartOnADatabaseWithOtherTablesButNotOurs() throws Exception {
    try (TestDatabase database = TestDatabase.create("foreign")) {
      try (var connection = database.connect(); var statement = connection.createStatement()) {
        statement.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
      }

      assertThatThrownBy(() -> start(database).close())
          .hasStackTraceContaining("lacks Incident Flow's tables [incident_number_counter, alert_group, metrics_incident, metrics_step, metrics_client]");
      assertThat(tableExists(database, "incident_number_counter")).isFalse();
    }
  }

  static ConfigurableApplicationContext start(TestDatabase database, String... more) {
    List<String> arguments = new ArrayList<>(database.arguments());
    arguments.add("--server.port=0");
    arguments.add("--incident-flow.chat.enabled=false"); // the upgrade is about our tables; nothing stands in for chat here
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(IncidentFlowApplication.class).profiles("test").run(arguments.toArray(String[]::new));
  }

  static Answer alert(ConfigurableApplicationContext app, String groupKey) {
    String port = app.getEnvironment().getRequiredProperty("local.server.port");
    ApiClient api = new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    ObjectNode firing = ApiClient.fixture("firing.json").put("groupKey", groupKey);
    return api.postWithBearer(AlertController.PATH, firing.toString(), ApiClient.ALERT_TOKEN);
  }

  static Map<String, List<Map<String, Object>>> rows(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    TABLES.forEach((table, key) -> rows.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key)));
    return rows;
  }

  static List<String> incidents(ConfigurableApplicationContext app) {
    HistoryService history = app.getBean(ProcessEngine.class).getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY)
        .orderByProcessInstanceBusinessKey().asc().list().stream()
        .map(p -> p.getBusinessKey() + " " + p.getState() + " " + p.getStartTime().getTime())
        .toList();
  }

  static int lastNumber(Map<String, List<Map<String, Object>>> rows, int year) {
    return rows.get("incident_number_counter").stream()
        .filter(row -> ((Number) value(row, "counter_year")).intValue() == year)
        .mapToInt(row -> ((Number) value(row, "last_number")).intValue())
        .findFirst().orElse(0);
  }

  /** H2 reports column labels in upper case, PostgreSQL in lower case. */
  static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }

  static boolean tableExists(TestDatabase database, String table) throws Exception {
    try (var connection = database.connect()) {
      return AdoptOnlyPreviousRelease.missingTables(connection, List.of(table)).isEmpty();
    }
  }
}
