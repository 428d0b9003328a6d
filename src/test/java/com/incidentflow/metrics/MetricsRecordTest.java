package com.incidentflow.metrics;

import static com.incidentflow.process.IncidentDriver.report;
import static com.incidentflow.process.IncidentDriver.situation;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.config.EnginePlugins;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The metrics' own record (MetricsRecord) as the engine's history events write it equals what is derived
 * from the engine's history afterwards; it is derived for incidents that predate it, forgotten with their
 * history, and a failure to write it never stops the incident.
 */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class MetricsRecordTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired MetricsDerivation derivation;
  @Autowired MetricsHistoryEvents recorder;
  @Autowired MetricsHousekeeping housekeeping;
  @Autowired IncidentMetricsService metrics;
  @Autowired JdbcTemplate jdbc;
  @Autowired StepHistogram histogram;
  @Autowired TimeToCounts timeToCounts;

  /**
   * The record hears each history event once: from the plugin's handler, not again from Camunda's
   * starter, which adds a HistoryEventHandler bean to the engine's handlers by itself; and no handler
   * publishes every event as a Spring event for nobody (the starter's eventing is off).
   */
  @Test
  void shouldHearEachHistoryEventOnce() {
    List<String> handlers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCustomHistoryEventHandlers().stream().map(handler -> handler.getClass().getName()).toList();
    assertThat(handlers)
        .as("the engine's history handlers: the plugin's metrics adapter, then its database writer")
        .hasSize(2)
        .noneMatch(name -> name.equals(MetricsHistoryEvents.class.getName()))
        .last().isEqualTo(EnginePlugins.class.getName() + "$KeptHistory");
  }

  @Test
  void shouldRecordAsItHappensWhatTheEngineHistoryGivesAfterwards() {
    MetricsHistory history = new MetricsHistory(engine);
    List<String> ids = history.incidents.stream().map(ProcessInstance::getId).toList();
    Map<String, List<Map<String, Object>>> live = record(ids);
    Map<String, List<Map<String, Object>>> liveCounts = counts(history.period());
    // Sanity: the record is not empty — three resolved incidents and an open one, with their steps and clients.
    assertThat(live.get("incident")).hasSize(4);
    assertThat(live.get("incident")).filteredOn(row -> row.get("RESOLVED_AT") != null).hasSize(3);
    assertThat(live.get("incident")).allSatisfy(row -> assertThat(row.get("INCIDENT_NUMBER")).asString().startsWith("INC-"));
    assertThat(live.get("step")).hasSizeGreaterThan(30);
    assertThat(live.get("client")).extracting(row -> row.get("CLIENT")).containsExactlyInAnyOrder("Acme Corp", "Acme Corp", "Globex");

    // The steps' counts per day and duration are those of the step rows, and per month the same sums.
    assertThat(liveCounts.get("day")).hasSizeGreaterThan(20).isEqualTo(countedFromSteps(history.period(), false));
    assertThat(liveCounts.get("month")).isEqualTo(countedFromSteps(history.period(), true));
    // The clients' counts per day and month are the distinct incidents of the client rows.
    assertThat(liveCounts.get("client day")).isNotEmpty().isEqualTo(clientsCountedFromRows(history.period(), false));
    assertThat(liveCounts.get("client month")).isEqualTo(clientsCountedFromRows(history.period(), true));
    // The trend's counts per day are the incidents reported and resolved on each day.
    assertThat(liveCounts.get("trend")).isEqualTo(trendCountedFromIncidents(history.period()))
        .anySatisfy(row -> assertThat(row.get("EVENT")).isEqualTo("resolved"));
    // The times to milestones per day and month are those of the incident rows, under the priority each has now (set
    // after the incident was acknowledged under none).
    assertThat(liveCounts.get("timeto day")).isEqualTo(timeToCountedFromIncidents(history.period(), false))
        .anySatisfy(row -> assertThat(row.get("MILESTONE")).isEqualTo("RESOLVED"))
        .anySatisfy(row -> assertThat(row.get("PRIORITY")).isEqualTo("P1"))
        .noneSatisfy(row -> assertThat(row.get("PRIORITY")).isEqualTo(IncidentMetrics.NO_PRIORITY));
    assertThat(liveCounts.get("timeto month")).isEqualTo(timeToCountedFromIncidents(history.period(), true));
    assertYearsAreTheSumsOfTheirMonths();

    ids.forEach(derivation::rebuild);

    assertThat(record(ids)).isEqualTo(live);
    assertThat(counts(history.period())).isEqualTo(liveCounts);
    assertYearsAreTheSumsOfTheirMonths();
  }

  @Test
  void shouldDeriveTheRecordOfIncidentsThatHaveNoneWithTheSameFigures() {
    MetricsHistory history = new MetricsHistory(engine);
    IncidentMetrics before = metrics.report(history.period());
    List<String> ids = history.incidents.stream().map(ProcessInstance::getId).toList();
    derivation.forget(ids);
    assertThat(metrics.report(history.period()).timeToResolve()).isEmpty();
    assertThat(derivation.mayLackRecords()).as("the start-up check sees the gap").isTrue();

    assertThat(counts(history.period()).get("day")).as("forgetting takes the steps' counts").isEmpty();
    assertThat(counts(history.period()).get("client day")).as("and the clients' counts").isEmpty();
    assertThat(counts(history.period()).get("timeto day")).as("and the times to milestones'").isEmpty();
    assertThat(counts(history.period()).get("trend")).as("and the trend's").isEqualTo(trendCountedFromIncidents(history.period()));

    assertThat(derivation.backfill()).isGreaterThanOrEqualTo(ids.size());

    IncidentMetrics after = metrics.report(history.period());
    assertThat(after.timeToAcknowledge()).isEqualTo(before.timeToAcknowledge());
    assertThat(after.timeToMitigate()).isEqualTo(before.timeToMitigate());
    assertThat(after.timeToResolve()).isEqualTo(before.timeToResolve());
    assertThat(after.timePerStep()).isEqualTo(before.timePerStep());
    assertThat(after.incidentsPerClient()).isEqualTo(before.incidentsPerClient());
    assertThat(after.weeklyTrend()).isEqualTo(before.weeklyTrend());
    assertThat(after.suspectedChanges()).isEqualTo(before.suspectedChanges());
    assertYearsAreTheSumsOfTheirMonths();
    assertThat(derivation.backfill()).as("nothing left to derive").isZero();
    housekeeping.removeWithoutHistory();
    assertThat(derivation.mayLackRecords()).as("the start-up check skips the derivation").isFalse();
  }

  @Test
  void shouldDeriveTheRecordOfAnOpenIncidentFromHistoryWhenItMovesOn() {
    // An incident reported before the record existed: its next step derives the rest from history first.
    IncidentDriver driver = new IncidentDriver(engine);
    ProcessInstance incident = driver.report("emma", report("Login fails for some users"));
    derivation.forget(List.of(incident.getId()));

    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM metrics_incident WHERE process_instance_id = ?", incident.getId());
    assertThat(row.get("INCIDENT_NUMBER")).isEqualTo(incident.getBusinessKey());
    assertThat(row.get("REPORTED_CLIENTS")).as("derived from the report's variables").isEqualTo("Acme Corp");
    assertThat(steps(incident.getId())).containsExactly(Tasks.CONFIRM_SITUATION);
  }

  @Test
  void shouldForgetTheRecordOfIncidentsWhoseHistoryIsGone() {
    LocalDateTime reported = LocalDateTime.of(2010, 6, 15, 12, 0);
    jdbc.update("INSERT INTO metrics_incident (process_instance_id, reported_at, scope_confirmed) VALUES ('gone-1', ?, FALSE)", reported);
    jdbc.update("INSERT INTO metrics_step (activity_instance_id, process_instance_id, reported_at, step, duration_ms)"
        + " VALUES ('gone-1-step', 'gone-1', ?, 'Gone_Step', 1000)", reported);
    // Its counts, as the record keeps them beside each step row (a step of its own, so no other incident shares them).
    jdbc.update("INSERT INTO metrics_step_day (reported_on, step, bucket, steps) VALUES (?, 'Gone_Step', ?, 1)",
        reported.toLocalDate(), DurationBuckets.bucket(1000L));
    jdbc.update("INSERT INTO metrics_step_month (reported_month, step, bucket, steps) VALUES (?, 'Gone_Step', ?, 1)",
        reported.toLocalDate().withDayOfMonth(1), DurationBuckets.bucket(1000L));
    jdbc.update("INSERT INTO metrics_step_year (reported_year, step, bucket, steps) VALUES (?, 'Gone_Step', ?, 1)",
        reported.toLocalDate().withDayOfYear(1), DurationBuckets.bucket(1000L));
    jdbc.update("INSERT INTO metrics_client (variable_id, process_instance_id, reported_at, client)"
        + " VALUES ('gone-1-client', 'gone-1', ?, 'Gone Client')", reported);
    jdbc.update("INSERT INTO metrics_client_day (reported_on, client, incidents) VALUES (?, 'Gone Client', 1)", reported.toLocalDate());
    jdbc.update("INSERT INTO metrics_client_month (reported_month, client, incidents) VALUES (?, 'Gone Client', 1)",
        reported.toLocalDate().withDayOfMonth(1));
    jdbc.update("INSERT INTO metrics_client_year (reported_year, client, incidents) VALUES (?, 'Gone Client', 1)",
        reported.toLocalDate().withDayOfYear(1));

    assertThat(housekeeping.removeWithoutHistory()).isGreaterThanOrEqualTo(1);

    assertThat(record(List.of("gone-1")).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    assertThat(jdbc.queryForList("SELECT steps FROM metrics_step_day WHERE step = 'Gone_Step'")).as("counts at 0 are deleted").isEmpty();
    assertThat(jdbc.queryForList("SELECT steps FROM metrics_step_month WHERE step = 'Gone_Step'")).isEmpty();
    assertThat(jdbc.queryForList("SELECT incidents FROM metrics_client_day WHERE client = 'Gone Client'")).isEmpty();
    assertThat(jdbc.queryForList("SELECT incidents FROM metrics_client_month WHERE client = 'Gone Client'")).isEmpty();
    assertThat(jdbc.queryForList("SELECT steps FROM metrics_step_year WHERE step = 'Gone_Step'")).isEmpty();
    assertThat(jdbc.queryForList("SELECT incidents FROM metrics_client_year WHERE client = 'Gone Client'")).isEmpty();
  }

  @Test
  void shouldNeverStopAnIncidentWhenTheRecordCannotBeWritten() {
    IncidentDriver driver = new IncidentDriver(engine);
    ProcessInstance incident = driver.report("emma", report("Search returns nothing"));
    jdbc.execute("ALTER TABLE metrics_step RENAME TO metrics_step_unavailable");
    try {
      driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    } finally {
      jdbc.execute("ALTER TABLE metrics_step_unavailable RENAME TO metrics_step");
    }

    // The step is done in the engine; the record missed it and the incident is queued to be derived again.
    assertThat(driver.openTasks(incident, Tasks.CONFIRM_SITUATION)).isEmpty();
    assertThat(steps(incident.getId())).isEmpty();
    assertThat(recorder.pending()).contains(incident.getId());

    recorder.rebuildPending();

    assertThat(recorder.pending()).doesNotContain(incident.getId());
    assertThat(steps(incident.getId())).containsExactly(Tasks.CONFIRM_SITUATION);
  }

  @Test
  void shouldCountStepsAlreadyInTheRecordWhenTheirCountsDoNotAddUp() {
    // What the upgrade to the counts meets: step rows, no counts.
    MetricsHistory history = new MetricsHistory(engine);
    Map<String, List<Map<String, Object>>> counted = counts(history.period());
    jdbc.update("DELETE FROM metrics_step_day WHERE reported_on >= ?", history.monday.withDayOfMonth(1));
    jdbc.update("DELETE FROM metrics_step_month WHERE reported_month >= ?", history.monday.withDayOfMonth(1));
    jdbc.update("DELETE FROM metrics_step_year WHERE reported_year >= ?", history.monday.withDayOfYear(1));
    assertThat(histogram.matchesSteps()).isFalse();

    housekeeping.atStartUp();

    assertThat(histogram.matchesSteps()).isTrue();
    assertThat(counts(history.period())).isEqualTo(counted);
    assertYearsAreTheSumsOfTheirMonths();
  }

  @Test
  void shouldCountTimesToMilestonesAlreadyInTheRecordWhenTheirCountsDoNotAddUp() {
    // What the upgrade to these counts meets: incident rows with their times, no counts.
    MetricsHistory history = new MetricsHistory(engine);
    Map<String, List<Map<String, Object>>> counted = counts(history.period());
    jdbc.update("DELETE FROM metrics_timeto_day");
    jdbc.update("DELETE FROM metrics_timeto_month");
    jdbc.update("DELETE FROM metrics_timeto_year");
    assertThat(timeToCounts.matchesRecord()).isFalse();

    housekeeping.atStartUp();

    assertThat(timeToCounts.matchesRecord()).isTrue();
    assertThat(counts(history.period())).isEqualTo(counted);
    assertThat(counted.get("timeto day")).isNotEmpty();
    assertYearsAreTheSumsOfTheirMonths();
  }

  /** Every year row of the counts is the sum of its months' rows, and no year lacks its row. */
  private void assertYearsAreTheSumsOfTheirMonths() {
    for (String[] counts : new String[][] {{"metrics_step", "step, bucket", "steps"}, {"metrics_client", "client", "incidents"},
        {"metrics_timeto", "milestone, priority, bucket", "incidents"}}) {
      String keys = counts[1];
      List<Map<String, Object>> years = jdbc.queryForList("SELECT reported_year, " + keys + ", " + counts[2] + " AS n FROM " + counts[0]
          + "_year ORDER BY reported_year, " + keys);
      List<Map<String, Object>> summed = jdbc.queryForList("SELECT CAST(DATE_TRUNC('YEAR', reported_month) AS DATE) AS reported_year, "
          + keys + ", CAST(SUM(" + counts[2] + ") AS BIGINT) AS n FROM " + counts[0] + "_month GROUP BY CAST(DATE_TRUNC('YEAR', reported_month) AS DATE), "
          + keys + " ORDER BY reported_year, " + keys);
      assertThat(years).as("%s_year", counts[0]).isNotEmpty().isEqualTo(summed);
    }
  }

  private List<String> steps(String processInstanceId) {
    return jdbc.queryForList("SELECT step FROM metrics_step WHERE process_instance_id = ?", String.class, processInstanceId);
  }

  /** The steps' and clients' counts on the period's days and in its months. */
  private Map<String, List<Map<String, Object>>> counts(MetricsPeriod period) {
    return Map.of(
        "day", jdbc.queryForList("SELECT * FROM metrics_step_day WHERE reported_on >= ? AND reported_on <= ?"
            + " ORDER BY reported_on, step, bucket", period.from(), period.to()),
        "month", jdbc.queryForList("SELECT * FROM metrics_step_month WHERE reported_month >= ? AND reported_month <= ?"
            + " ORDER BY reported_month, step, bucket", period.from().withDayOfMonth(1), period.to()),
        "client day", jdbc.queryForList("SELECT * FROM metrics_client_day WHERE reported_on >= ? AND reported_on <= ?"
            + " ORDER BY reported_on, client", period.from(), period.to()),
        "client month", jdbc.queryForList("SELECT * FROM metrics_client_month WHERE reported_month >= ? AND reported_month <= ?"
            + " ORDER BY reported_month, client", period.from().withDayOfMonth(1), period.to()),
        "trend", jdbc.queryForList("SELECT * FROM metrics_trend_day WHERE on_day >= ? AND on_day <= ? ORDER BY on_day, event",
            period.from(), period.to()),
        "timeto day", jdbc.queryForList("SELECT * FROM metrics_timeto_day WHERE reported_on >= ? AND reported_on <= ?"
            + " ORDER BY reported_on, milestone, priority, bucket", period.from(), period.to()),
        "timeto month", jdbc.queryForList("SELECT * FROM metrics_timeto_month WHERE reported_month >= ? AND reported_month <= ?"
            + " ORDER BY reported_month, milestone, priority, bucket", period.from().withDayOfMonth(1), period.to()));
  }

  /** The time-to counts {@link #counts} should find: incidents per day (or month), milestone reached, priority and bucket. */
  private List<Map<String, Object>> timeToCountedFromIncidents(MetricsPeriod period, boolean months) {
    LocalDate from = months ? period.from().withDayOfMonth(1) : period.from();
    LocalDate to = months ? period.to().withDayOfMonth(1).plusMonths(1) : period.to().plusDays(1);
    Map<List<Object>, Long> counted = new TreeMap<>(Comparator.comparing((List<Object> key) -> (LocalDate) key.get(0))
        .thenComparing(key -> (String) key.get(1)).thenComparing(key -> (String) key.get(2)).thenComparing(key -> (Integer) key.get(3)));
    jdbc.query("SELECT * FROM metrics_incident WHERE reported_at >= ? AND reported_at < ?",
        (ResultSet rs) -> {
          LocalDate day = rs.getObject("reported_at", LocalDateTime.class).toLocalDate();
          String priority = rs.getString("priority") == null ? IncidentMetrics.NO_PRIORITY : rs.getString("priority");
          for (String milestone : List.of("ACKNOWLEDGED", "MITIGATED", "RESOLVED")) {
            long millis = rs.getLong(milestone.toLowerCase(java.util.Locale.ROOT) + "_ms");
            if (!rs.wasNull()) {
              counted.merge(List.of(months ? day.withDayOfMonth(1) : day, milestone, priority, DurationBuckets.bucket(millis)), 1L, Long::sum);
            }
          }
        },
        from.atStartOfDay(), to.atStartOfDay());
    List<Map<String, Object>> rows = new ArrayList<>();
    counted.forEach((key, n) -> {
      Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
      row.put(months ? "REPORTED_MONTH" : "REPORTED_ON", java.sql.Date.valueOf((LocalDate) key.get(0)));
      row.put("MILESTONE", key.get(1));
      row.put("PRIORITY", key.get(2));
      row.put("BUCKET", key.get(3));
      row.put("INCIDENTS", n);
      rows.add(row);
    });
    return rows;
  }

  /** The trend's counts {@link #counts} should find: incidents per day of their report and of their resolution. */
  private List<Map<String, Object>> trendCountedFromIncidents(MetricsPeriod period) {
    Map<List<Object>, Long> counted = new TreeMap<>(Comparator.comparing((List<Object> key) -> (LocalDate) key.get(0))
        .thenComparing(key -> (String) key.get(1)));
    for (String event : List.of("reported", "resolved")) {
      jdbc.query("SELECT " + event + "_at AS at FROM metrics_incident WHERE " + event + "_at >= ? AND " + event + "_at < ?",
          (ResultSet rs) -> {
            counted.merge(List.of(rs.getObject("at", LocalDateTime.class).toLocalDate(), event), 1L, Long::sum);
          },
          period.from().atStartOfDay(), period.to().plusDays(1).atStartOfDay());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    counted.forEach((key, n) -> {
      Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
      row.put("ON_DAY", java.sql.Date.valueOf((LocalDate) key.get(0)));
      row.put("EVENT", key.get(1));
      row.put("INCIDENTS", n);
      rows.add(row);
    });
    return rows;
  }

  /** The clients' counts {@link #counts} should find: distinct incidents per client and day (or month) of the client rows. */
  private List<Map<String, Object>> clientsCountedFromRows(MetricsPeriod period, boolean months) {
    LocalDate from = months ? period.from().withDayOfMonth(1) : period.from();
    LocalDate to = months ? period.to().withDayOfMonth(1).plusMonths(1) : period.to().plusDays(1);
    Map<List<Object>, java.util.Set<String>> incidents = new TreeMap<>(Comparator.comparing((List<Object> key) -> (LocalDate) key.get(0))
        .thenComparing(key -> (String) key.get(1)));
    jdbc.query("SELECT reported_at, client, process_instance_id FROM metrics_client WHERE reported_at >= ? AND reported_at < ?",
        (ResultSet rs) -> {
          LocalDate day = rs.getObject("reported_at", LocalDateTime.class).toLocalDate();
          incidents.computeIfAbsent(List.of(months ? day.withDayOfMonth(1) : day, rs.getString("client")), key -> new java.util.HashSet<>())
              .add(rs.getString("process_instance_id"));
        },
        from.atStartOfDay(), to.atStartOfDay());
    List<Map<String, Object>> rows = new ArrayList<>();
    incidents.forEach((key, ids) -> {
      Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
      row.put(months ? "REPORTED_MONTH" : "REPORTED_ON", java.sql.Date.valueOf((LocalDate) key.get(0)));
      row.put("CLIENT", key.get(1));
      row.put("INCIDENTS", (long) ids.size());
      rows.add(row);
    });
    return rows;
  }

  /** The rows {@link #counts} should find, from the step rows of the period's days (or months), bucketed here. */
  private List<Map<String, Object>> countedFromSteps(MetricsPeriod period, boolean months) {
    LocalDate from = months ? period.from().withDayOfMonth(1) : period.from();
    LocalDate to = months ? period.to().withDayOfMonth(1).plusMonths(1) : period.to().plusDays(1);
    Map<List<Object>, Long> counted = new TreeMap<>(Comparator.comparing((List<Object> key) -> (LocalDate) key.get(0))
        .thenComparing(key -> (String) key.get(1)).thenComparing(key -> (Integer) key.get(2)));
    jdbc.query("SELECT reported_at, step, duration_ms FROM metrics_step WHERE reported_at >= ? AND reported_at < ?",
        (ResultSet rs) -> {
          Long millis = rs.getObject("duration_ms") == null ? null : rs.getLong("duration_ms");
          LocalDate day = rs.getObject("reported_at", LocalDateTime.class).toLocalDate();
          counted.merge(List.of(months ? day.withDayOfMonth(1) : day, rs.getString("step"), DurationBuckets.bucket(millis)), 1L, Long::sum);
        },
        from.atStartOfDay(), to.atStartOfDay());
    List<Map<String, Object>> rows = new ArrayList<>();
    counted.forEach((key, n) -> {
      Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
      row.put(months ? "REPORTED_MONTH" : "REPORTED_ON", java.sql.Date.valueOf((LocalDate) key.get(0)));
      row.put("STEP", key.get(1));
      row.put("BUCKET", key.get(2));
      row.put("STEPS", n);
      rows.add(row);
    });
    return rows;
  }

  private Map<String, List<Map<String, Object>>> record(List<String> ids) {
    String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
    Object[] args = ids.toArray();
    return Map.of(
        "incident", jdbc.queryForList("SELECT * FROM metrics_incident WHERE process_instance_id IN (" + in + ") ORDER BY reported_at", args),
        "step", jdbc.queryForList("SELECT * FROM metrics_step WHERE process_instance_id IN (" + in + ") ORDER BY activity_instance_id", args),
        "client", jdbc.queryForList("SELECT * FROM metrics_client WHERE process_instance_id IN (" + in + ") ORDER BY variable_id", args));
  }
}
