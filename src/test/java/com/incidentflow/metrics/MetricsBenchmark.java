package com.incidentflow.metrics;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test: times the metrics on 100,000 finished and 1,000 open incidents and prints the figures.
 * Its name does not match Surefire's test patterns, so only the {@code benchmark} profile runs it:
 * {@code ./mvnw -B -Pbenchmark test}. Results go to docs/metrics.md by hand. Deriving the record includes the
 * steps' counts per duration bucket; time per step is also computed exactly over the step rows, timed and compared.
 *
 * <p>History is written with batched JDBC in the shape the engine writes it (one ACT_HI_PROCINST row,
 * one ACT_HI_ACTINST row per step, the variables the metrics read plus typical others), because
 * driving 100,000 incidents through the engine would take hours and measure the engine, not the queries.
 *
 * <p>Writing that history takes about five minutes, so it goes to a file database under target/ that the
 * next run reuses when it already holds the benchmark incidents ({@code mvn clean} or deleting
 * target/metrics-benchmark starts afresh). A file database is also what the app runs on by default.
 * AUTO_SERVER lets an H2 shell open the same database while the benchmark runs, for EXPLAIN ANALYZE.
 */
@IncidentFlowTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/metrics-benchmark/incident-flow;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000")
class MetricsBenchmark {

  static final int FINISHED = 100_000;
  static final int OPEN = 1_000;
  static final int DAYS = 730;
  static final int RUNS = 5;
  static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  static final List<String> CLIENTS = List.of("Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell");
  /** The resolved path: step, minutes it takes at most (random below). FIRST_RESPONSE only for P1/P2. */
  static final List<Map.Entry<String, Integer>> PATH = List.of(
      Map.entry(Tasks.CONFIRM_SITUATION, 30), Map.entry(Tasks.PROVISIONAL_IMPACT, 30), Map.entry(Tasks.REPORT_TO_MANAGER, 1),
      Map.entry(Tasks.JUDGE_IMPORTANCE, 30), Map.entry(Tasks.JUDGE_URGENCY, 10), Map.entry(Tasks.DECIDE_PRIORITY, 0),
      Map.entry(Tasks.ANNOUNCE_PRIORITY, 1), Map.entry(Tasks.FIRST_RESPONSE, 120), Map.entry(Tasks.INVESTIGATE, 600),
      Map.entry(Tasks.CONFIRM_IMPACT, 60), Map.entry(Tasks.REPORT_IMPACT, 1), Map.entry(Tasks.CONTACT_CLIENT, 120),
      Map.entry(Tasks.PERMANENT_FIX, 900), Map.entry(Tasks.REVIEW_FIX, 240), Map.entry(Tasks.NOTIFY_RESOLVED, 1),
      Map.entry(Tasks.WRAP_UP, 2000));

  @Autowired JdbcTemplate jdbc;
  @Autowired IncidentMetricsService metrics;
  @Autowired MetricsDerivation derivation;
  @Autowired StepHistogram histogram;
  @Autowired TimeToCounts timeToCounts;
  @Autowired RepositoryService repository;
  @Autowired TestRestTemplate http;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  private final Random random = new Random(42);
  private final List<Object[]> processes = new ArrayList<>();
  private final List<Object[]> activities = new ArrayList<>();
  private final List<Object[]> variables = new ArrayList<>();

  @Test
  void timeMetricsOnHundredThousandIncidents() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    LocalDateTime first = LocalDate.now().minusDays(DAYS).atTime(0, 0);
    long started = System.nanoTime();
    Long written = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE 'INC-B-%'", Long.class);
    if (written != FINISHED + OPEN) {
      writeHistory(definitionId, first);
    } else {
      System.out.println("BENCHMARK reusing the history in target/metrics-benchmark");
    }
    System.out.printf("BENCHMARK history: %,d incidents, %,d activity rows, %,d variable rows (written or found in %.1f s)%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST", Long.class),
        (System.nanoTime() - started) / 1e9);

    // The metrics' own record of these incidents, derived from the history just as the first start on a
    // database from before it does; timed, since that is what an upgrade costs once.
    if (Boolean.getBoolean("benchmark.keepRecord") && !derivation.mayLackRecords() && histogram.matchesSteps() && timeToCounts.matchesRecord()) {
      System.out.println("BENCHMARK keeping the metrics record of the previous run (-Dbenchmark.keepRecord=true)");
    } else {
      deriveRecord();
    }

    MetricsPeriod ninetyDays = MetricsPeriod.of(null, null, new java.util.Date(), 90, java.time.ZoneId.systemDefault());
    MetricsPeriod twoYears = new MetricsPeriod(first.toLocalDate(), LocalDate.now());
    timeEachQuery("90 days", ninetyDays);
    timeEachQuery("2 years", twoYears);
    compareTimeToWithExact("90 days", ninetyDays);
    compareTimeToWithExact("2 years", twoYears);
    compareTimePerStepWithExact("90 days", ninetyDays);
    compareTimePerStepWithExact("2 years", twoYears);
    compareClientsWithExact("90 days", ninetyDays);
    compareClientsWithExact("2 years", twoYears);
    time("service, default 90 days", ninetyDays);
    time("service, whole 2 years", twoYears);
    for (int run = 0; run < RUNS; run++) {
      touchRecord();
      long t = System.nanoTime();
      String body = http.withBasicAuth("maria", "maria").getForObject("/api/metrics", String.class);
      System.out.printf("BENCHMARK GET /api/metrics (90 days) run %d: %d ms, %,d bytes%n", run, (System.nanoTime() - t) / 1_000_000, body.length());
    }
    String whole = "/api/metrics?from=" + twoYears.from() + "&to=" + twoYears.to();
    for (int run = 0; run < RUNS; run++) {
      touchRecord();
      long t = System.nanoTime();
      String body = http.withBasicAuth("maria", "maria").getForObject(whole, String.class);
      System.out.printf("BENCHMARK GET /api/metrics (2 years) run %d: %d ms, %,d bytes%n", run, (System.nanoTime() - t) / 1_000_000, body.length());
    }
  }

  /** Empties the record and derives it from the history, timed: what the first start on an existing database costs once. */
  private void deriveRecord() {
    jdbc.execute("TRUNCATE TABLE metrics_step");
    jdbc.execute("TRUNCATE TABLE metrics_step_day");
    jdbc.execute("TRUNCATE TABLE metrics_step_month");
    jdbc.execute("TRUNCATE TABLE metrics_step_year");
    jdbc.execute("TRUNCATE TABLE metrics_client");
    jdbc.execute("TRUNCATE TABLE metrics_client_day");
    jdbc.execute("TRUNCATE TABLE metrics_client_month");
    jdbc.execute("TRUNCATE TABLE metrics_client_year");
    jdbc.execute("TRUNCATE TABLE metrics_timeto_day");
    jdbc.execute("TRUNCATE TABLE metrics_timeto_month");
    jdbc.execute("TRUNCATE TABLE metrics_timeto_year");
    jdbc.execute("TRUNCATE TABLE metrics_trend_day");
    jdbc.execute("TRUNCATE TABLE metrics_incident");
    long deriving = System.nanoTime();
    int derived = derivation.backfill();
    System.out.printf("BENCHMARK metrics record derived from history: %,d incidents, %,d steps, %,d clients in %.1f s%n",
        derived,
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_step", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_client", Long.class),
        (System.nanoTime() - deriving) / 1e9);
    System.out.printf("BENCHMARK steps counted per duration bucket: %,d day rows, %,d month rows; counts match the step rows: %s%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_step_day", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_step_month", Long.class),
        histogram.matchesSteps());
  }

  /** One line per figure, so a slow query shows by name; the runs after the first are the ones with warm caches. */
  private void timeEachQuery(String label, MetricsPeriod period) {
    Map<String, String> steps = metrics.stepNames();
    Map<String, Runnable> queries = new java.util.LinkedHashMap<>();
    queries.put("openByPriority", metrics::openByPriority);
    queries.put("openByStep", () -> metrics.openByStep(steps));
    queries.put("oldestOpen", metrics::oldestOpen);
    queries.put("timeTo", () -> metrics.timeTo(period));
    queries.put("timePerStep", () -> metrics.timePerStep(period, steps));
    queries.put("incidentsPerClient", () -> metrics.incidentsPerClient(period));
    queries.put("weeklyTrend", () -> metrics.weeklyTrend(period));
    queries.put("suspectedChanges", () -> metrics.suspectedChanges(period));
    for (int run = 0; run < 4; run++) {
      StringBuilder line = new StringBuilder("BENCHMARK per query (" + label + ") run " + run + ":");
      queries.forEach((name, query) -> {
        touchRecord();
        long t = System.nanoTime();
        query.run();
        line.append(' ').append(name).append('=').append((System.nanoTime() - t) / 1_000_000).append("ms");
      });
      System.out.println(line);
    }
  }

  /**
   * The times to milestones as the report reads them (counts per duration bucket) beside the exact PERCENTILE_CONT over
   * the record's milliseconds (what it was before): both timed, and the largest relative difference printed.
   */
  private void compareTimeToWithExact(String label, MetricsPeriod period) {
    long t = System.nanoTime();
    IncidentMetricsService.TimeTo read = metrics.timeTo(period);
    long readMillis = (System.nanoTime() - t) / 1_000_000;
    t = System.nanoTime();
    Map<String, List<IncidentMetrics.DurationStats>> exact = new java.util.HashMap<>();
    for (String milestone : List.of("acknowledged", "mitigated", "resolved")) {
      exact.put(milestone, jdbc.query("SELECT COALESCE(priority, 'none') AS priority, COUNT(" + milestone + "_ms) AS n,"
              + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + milestone + "_ms) AS median,"
              + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + milestone + "_ms) AS p90 FROM metrics_incident"
              + " WHERE reported_at >= ? AND reported_at < ? AND " + milestone + "_ms IS NOT NULL GROUP BY COALESCE(priority, 'none') ORDER BY 1",
          (rs, i) -> new IncidentMetrics.DurationStats(rs.getString("priority"), rs.getLong("n"), rs.getDouble("median") / 1000,
              rs.getDouble("p90") / 1000),
          period.from().atStartOfDay(), period.to().plusDays(1).atStartOfDay()));
    }
    long exactMillis = (System.nanoTime() - t) / 1_000_000;
    double worst = 0;
    boolean countsEqual = true;
    Map<String, List<IncidentMetrics.DurationStats>> figures = Map.of(
        "acknowledged", read.acknowledge(), "mitigated", read.mitigate(), "resolved", read.resolve());
    for (String milestone : figures.keySet()) {
      List<IncidentMetrics.DurationStats> mine = figures.get(milestone);
      List<IncidentMetrics.DurationStats> theirs = exact.get(milestone);
      countsEqual &= mine.size() == theirs.size();
      for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
        IncidentMetrics.DurationStats a = mine.get(i);
        IncidentMetrics.DurationStats e = theirs.get(i);
        countsEqual &= a.priority().equals(e.priority()) && a.count() == e.count();
        worst = Math.max(worst, relative(a.medianSeconds(), e.medianSeconds()));
        worst = Math.max(worst, relative(a.p90Seconds(), e.p90Seconds()));
      }
    }
    System.out.printf("BENCHMARK time to milestones (%s): from the buckets %d ms, exact PERCENTILE_CONT over the incident rows %d ms;"
        + " counts equal: %s, largest relative difference of a median or p90: %.4f %%; %,d day rows, %,d month rows, %,d year rows%n",
        label, readMillis, exactMillis, countsEqual, worst * 100,
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_timeto_day", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_timeto_month", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_timeto_year", Long.class));
    System.out.println("BENCHMARK   resolve " + read.resolve() + "\n  exact   " + exact.get("resolved"));
  }

  private static double relative(double value, double exact) {
    return exact == 0 ? Math.abs(value) : Math.abs(value - exact) / exact;
  }

  /**
   * Time per step as the report reads it (duration buckets) beside the exact PERCENTILE_CONT over every
   * step row (what it was before): both timed, and the largest relative difference printed.
   */
  private void compareTimePerStepWithExact(String label, MetricsPeriod period) {
    Map<String, String> names = metrics.stepNames();
    long t = System.nanoTime();
    List<IncidentMetrics.StepDurationStats> read = metrics.timePerStep(period, names);
    long readMillis = (System.nanoTime() - t) / 1_000_000;
    t = System.nanoTime();
    Map<String, double[]> exact = new java.util.HashMap<>();
    jdbc.query("SELECT step, COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median,"
            + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90 FROM metrics_step"
            + " WHERE reported_at >= ? AND reported_at < ? GROUP BY step",
        (java.sql.ResultSet rs) -> {
          exact.put(rs.getString("step"), new double[] {rs.getLong("n"), rs.getDouble("median") / 1000, rs.getDouble("p90") / 1000});
        },
        period.from().atStartOfDay(), period.to().plusDays(1).atStartOfDay());
    long exactMillis = (System.nanoTime() - t) / 1_000_000;
    double worst = 0;
    boolean countsEqual = read.size() == exact.size();
    for (IncidentMetrics.StepDurationStats step : read) {
      double[] e = exact.get(step.step());
      countsEqual &= e != null && e[0] == step.count();
      if (e != null && e[1] > 0) {
        worst = Math.max(worst, Math.abs(step.medianSeconds() - e[1]) / e[1]);
      }
      if (e != null && e[2] > 0) {
        worst = Math.max(worst, Math.abs(step.p90Seconds() - e[2]) / e[2]);
      }
    }
    System.out.printf("BENCHMARK time per step (%s): from the buckets %d ms, exact PERCENTILE_CONT over the step rows %d ms;"
        + " %d steps, counts equal: %s, largest relative difference of a median or p90: %.4f %%%n",
        label, readMillis, exactMillis, read.size(), countsEqual, worst * 100);
    read.forEach(step -> System.out.printf("BENCHMARK   %s: %,d steps, median %.1f s (exact %.1f), p90 %.1f s (exact %.1f)%n",
        step.step(), step.count(), step.medianSeconds(), exact.get(step.step())[1], step.p90Seconds(), exact.get(step.step())[2]));
  }

  /**
   * Incidents per client as the report reads it (counts per day and month) beside the distinct count over the period's
   * client rows (what it was before): both timed, and whether they are equal.
   */
  private void compareClientsWithExact(String label, MetricsPeriod period) {
    long t = System.nanoTime();
    Map<String, Long> read = ClientCounts.read(jdbc, period);
    long readMillis = (System.nanoTime() - t) / 1_000_000;
    t = System.nanoTime();
    Map<String, Long> exact = new java.util.HashMap<>();
    jdbc.query("SELECT client, COUNT(DISTINCT process_instance_id) AS n FROM metrics_client WHERE reported_at >= ? AND reported_at < ?"
            + " GROUP BY client",
        (java.sql.ResultSet rs) -> {
          exact.put(rs.getString("client"), rs.getLong("n"));
        },
        period.from().atStartOfDay(), period.to().plusDays(1).atStartOfDay());
    long exactMillis = (System.nanoTime() - t) / 1_000_000;
    System.out.printf("BENCHMARK confirmed clients (%s): from the counts %d ms, COUNT(DISTINCT) over the client rows %d ms; %d clients,"
        + " equal: %s, %,d day rows, %,d month rows%n", label, readMillis, exactMillis, read.size(), read.equals(exact),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_client_day", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM metrics_client_month", Long.class));
  }

  private void writeHistory(String definitionId, LocalDateTime first) {
    // A partial history from an interrupted run would skew every figure: start from the benchmark's rows only.
    jdbc.update("DELETE FROM ACT_HI_VARINST WHERE PROC_INST_ID_ IN (SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE 'INC-B-%')");
    jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ IN (SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE 'INC-B-%')");
    jdbc.update("DELETE FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE 'INC-B-%'");
    for (int i = 0; i < FINISHED + OPEN; i++) {
      boolean open = i >= FINISHED;
      LocalDateTime reported = open
          ? LocalDateTime.now().minusMinutes(random.nextInt(60 * 24 * 14))
          : first.plusMinutes(random.nextInt(60 * 24 * (DAYS - 14)));
      incident(definitionId, "INC-B-" + i, reported, open);
      if (processes.size() >= 5_000) {
        flush();
      }
    }
    flush();
  }

  private void time(String label, MetricsPeriod period) {
    IncidentMetrics report = null;
    for (int run = 0; run < RUNS; run++) {
      touchRecord();
      long t = System.nanoTime();
      report = metrics.report(period);
      System.out.printf("BENCHMARK %s run %d: %d ms%n", label, run, (System.nanoTime() - t) / 1_000_000);
    }
    System.out.println("BENCHMARK figures (" + label + "): open " + report.openByPriority() + "\n  resolve " + report.timeToResolve()
        + "\n  acknowledge " + report.timeToAcknowledge() + "\n  clients " + report.incidentsPerClient());
  }

  /**
   * A write to each table of the record, undone in the same transaction (so the figures do not change), before every
   * timed query: H2 answers a query it ran before from its previous result while none of the tables it reads has
   * changed, and on a live system steps are worked between any two reports. Without it a repeated figure measures
   * that cache, depending on which pooled connection ran it before.
   */
  private void touchRecord() {
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
      String first = " WHERE process_instance_id = (SELECT MIN(process_instance_id) FROM metrics_incident)";
      jdbc.update("UPDATE metrics_incident SET scope_confirmed = NOT scope_confirmed" + first);
      jdbc.update("UPDATE metrics_incident SET scope_confirmed = NOT scope_confirmed" + first);
      for (String[] table : new String[][] {
          {"metrics_step_day", "steps", "reported_on"},
          {"metrics_step_month", "steps", "reported_month"},
          {"metrics_step_year", "steps", "reported_year"},
          {"metrics_client_day", "incidents", "reported_on"},
          {"metrics_client_month", "incidents", "reported_month"},
          {"metrics_client_year", "incidents", "reported_year"},
          {"metrics_timeto_day", "incidents", "reported_on"},
          {"metrics_timeto_month", "incidents", "reported_month"},
          {"metrics_timeto_year", "incidents", "reported_year"},
          {"metrics_trend_day", "incidents", "on_day"}}) {
        String row = " WHERE " + table[2] + " = (SELECT MIN(" + table[2] + ") FROM " + table[0] + ")";
        jdbc.update("UPDATE " + table[0] + " SET " + table[1] + " = " + table[1] + " + 1" + row);
        jdbc.update("UPDATE " + table[0] + " SET " + table[1] + " = " + table[1] + " - 1" + row);
      }
    });
  }

  private void incident(String definitionId, String number, LocalDateTime reported, boolean open) {
    String id = UUID.randomUUID().toString();
    String priority = PRIORITIES.get(random.nextInt(PRIORITIES.size()));
    boolean urgent = priority.equals("P1") || priority.equals("P2");
    String client = CLIENTS.get(random.nextInt(CLIENTS.size()));
    int stepsDone = open ? random.nextInt(PATH.size() - 1) : PATH.size();
    LocalDateTime at = reported;
    activity(definitionId, id, "StartEvent_IncidentReported", "startEvent", at, at);
    boolean prioritised = false;
    for (int s = 0; s < PATH.size() && s <= stepsDone; s++) {
      String step = PATH.get(s).getKey();
      if (step.equals(Tasks.FIRST_RESPONSE) && !urgent) {
        continue;
      }
      LocalDateTime end = at.plusMinutes(random.nextInt(PATH.get(s).getValue() + 1)).plusSeconds(random.nextInt(60));
      boolean current = s == stepsDone;
      activity(definitionId, id, step, step.startsWith("UserTask") ? "userTask" : step.startsWith("Service") ? "serviceTask" : "businessRuleTask",
          at, current ? null : end);
      prioritised |= step.equals(Tasks.DECIDE_PRIORITY) && !current;
      at = current ? at : end;
    }
    if (!open) {
      activity(definitionId, id, Tasks.END_RESOLVED, "noneEndEvent", at, at);
    }
    processes.add(new Object[] {id, id, number, definitionId, ts(reported), open ? null : ts(at),
        open ? null : java.time.Duration.between(reported, at).toMillis(), open ? "ACTIVE" : "COMPLETED"});
    variable(id, Variables.INCIDENT_NUMBER, number);
    variable(id, Variables.TITLE, "Benchmark incident " + number);
    variable(id, Variables.CLIENTS_REPORTED, client);
    variable(id, Variables.REPORT_SOURCE, "CLIENT");
    variable(id, Variables.USER_ACTION, "Saved an invoice");
    variable(id, Variables.ERROR_TEXT, "500 Internal Server Error");
    if (prioritised) {
      variable(id, Variables.PRIORITY, priority);
      variable(id, Variables.IMPORTANCE, "HIGH");
      variable(id, Variables.URGENCY, urgent ? "URGENT" : "NOT_URGENT");
    }
    if (!open) {
      variable(id, Variables.FINAL_SCOPE, "ONE");
      variables.add(new Object[] {UUID.randomUUID().toString(), id, UUID.randomUUID().toString(), Variables.CLIENT, client});
    }
  }

  private void activity(String definitionId, String processId, String activityId, String type, LocalDateTime start, LocalDateTime end) {
    activities.add(new Object[] {UUID.randomUUID().toString(), definitionId, IncidentProcess.PROCESS_KEY, processId, processId, processId,
        activityId, type, ts(start), end == null ? null : ts(end), end == null ? null : java.time.Duration.between(start, end).toMillis(),
        end == null ? 0 : 4});
  }

  private void variable(String processId, String name, String value) {
    variables.add(new Object[] {UUID.randomUUID().toString(), processId, processId, name, value});
  }

  private void flush() {
    jdbc.batchUpdate("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,"
        + " DURATION_, STATE_) VALUES (?, ?, ?, '" + IncidentProcess.PROCESS_KEY + "', ?, ?, ?, ?, ?)", processes);
    jdbc.batchUpdate("INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,"
        + " ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", activities);
    jdbc.batchUpdate("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_)"
        + " VALUES (?, '" + IncidentProcess.PROCESS_KEY + "', ?, ?, ?, 'string', ?)", variables);
    processes.clear();
    activities.clear();
    variables.clear();
  }


  private static Timestamp ts(LocalDateTime time) {
    return Timestamp.valueOf(time);
  }
}
