package com.incidentflow.metrics;

import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metrics' own record of each incident (tables {@code metrics_incident}, {@code metrics_step},
 * {@code metrics_client}, see db/migration): what the report needs, one narrow row per incident, so that a
 * period of 100,000 incidents is aggregated from those rows instead of joined out of the engine's
 * 1.8 million activity and 1.1 million variable rows.
 *
 * <p>Two ways in, with the same meaning (docs/metrics.md, "What is measured"):
 * <ul>
 *   <li>as it happens: {@link IncidentFactsRecorder} calls the {@code record...} methods from the engine's
 *       history events, in the engine's transaction, so the record commits or rolls back with the step;</li>
 *   <li>from the engine's history: {@link #backfill()} derives the rows of every incident that has none
 *       (a database from before these tables, or history written by other means), and {@link #rebuild}
 *       derives one incident's rows again.</li>
 * </ul>
 * Each record call touches the incident's row even when nothing changes, so "no row" means exactly that
 * the incident has no record yet; then it is derived from history and the write repeated ({@link #deriveIfMissing}).
 */
public class IncidentFacts {

  /** Kinds of flow node a person or the app works on; gateways and events take no time worth showing. */
  public static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask");

  static final String STEP_TYPES_SQL = "'userTask', 'serviceTask', 'businessRuleTask'";

  private static final String MISSING =
      " p.PROC_DEF_KEY_ = ? AND NOT EXISTS (SELECT 1 FROM metrics_incident m WHERE m.process_instance_id = p.PROC_INST_ID_)";

  private static final String PROCESS_VARIABLE =
      "(SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = p.PROC_INST_ID_"
          + " AND v.EXECUTION_ID_ = p.PROC_INST_ID_ AND v.NAME_ = '%s')";

  private static final String FIRST_ACTIVITY =
      "(SELECT MIN(a.%s) FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = p.PROC_INST_ID_ AND a.ACT_ID_ = '%s')";

  /** Whole milliseconds from the report to a time, in the spelling H2 and PostgreSQL share. */
  private static final String MILLIS_SINCE_REPORTED =
      "CAST((EXTRACT(EPOCH FROM CAST(%s AS TIMESTAMP)) - EXTRACT(EPOCH FROM reported_at)) * 1000 AS BIGINT)";

  static final int CHUNK = 1000;

  private static final Logger log = LoggerFactory.getLogger(IncidentFacts.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public IncidentFacts(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  // ---------------------------------------------------------------- as it happens

  public void recordReported(String processInstanceId, Date reportedAt, String businessKey) {
    if (!hasRecord(processInstanceId)) {
      jdbc.update("INSERT INTO metrics_incident (process_instance_id, incident_number, reported_at, scope_confirmed)"
          + " VALUES (?, ?, ?, FALSE)", processInstanceId, businessKey, ts(reportedAt));
    }
  }

  public void recordEnded(String processInstanceId, Date endedAt) {
    update(processInstanceId, "ended_at = ?", ts(endedAt));
  }

  public void recordNumber(String processInstanceId, String number) {
    update(processInstanceId, "incident_number = ?", number);
  }

  /** Acknowledged, mitigated, resolved: the first time counts (as MIN over the engine's activity rows). */
  public void recordMilestone(String processInstanceId, Milestone milestone, Date at) {
    String column = milestone.column;
    String earlier = "CASE WHEN " + column + " IS NULL OR " + column + " > ? THEN ";
    update(processInstanceId,
        milestone.millisColumn() + " = " + earlier + MILLIS_SINCE_REPORTED.formatted("?") + " ELSE " + milestone.millisColumn() + " END, "
            + column + " = " + earlier + "? ELSE " + column + " END",
        ts(at), ts(at), ts(at), ts(at));
  }

  public void recordStepCompleted(String processInstanceId, String activityInstanceId, String step, Long durationMillis) {
    String insert = "INSERT INTO metrics_step (activity_instance_id, process_instance_id, reported_at, step, duration_ms)"
        + " SELECT ?, m.process_instance_id, m.reported_at, ?, ? FROM metrics_incident m WHERE m.process_instance_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM metrics_step s WHERE s.activity_instance_id = ?)";
    Object[] args = {activityInstanceId, step, durationMillis, processInstanceId, activityInstanceId};
    if (jdbc.update(insert, args) == 0 && deriveIfMissing(processInstanceId)) {
      jdbc.update(insert, args);
    }
  }

  public void recordPriority(String processInstanceId, String priority) {
    update(processInstanceId, "priority = ?", priority);
  }

  public void recordReportedClients(String processInstanceId, String clients) {
    update(processInstanceId, "reported_clients = ?", clients);
  }

  public void recordProvisionalClients(String processInstanceId, String clients) {
    update(processInstanceId, "provisional_clients = ?", clients);
  }

  public void recordScopeConfirmed(String processInstanceId) {
    update(processInstanceId, "scope_confirmed = TRUE");
  }

  /** A confirmed client (one per contact task); a changed value replaces the old one. */
  public void recordClient(String processInstanceId, String variableId, String client) {
    if (client == null || client.isBlank()) {
      jdbc.update("DELETE FROM metrics_client WHERE variable_id = ?", variableId);
    } else if (!writeClient(processInstanceId, variableId, client) && deriveIfMissing(processInstanceId)) {
      writeClient(processInstanceId, variableId, client);
    }
  }

  private boolean writeClient(String processInstanceId, String variableId, String client) {
    return jdbc.update("UPDATE metrics_client SET client = ? WHERE variable_id = ?", client, variableId) > 0
        || jdbc.update("INSERT INTO metrics_client (variable_id, process_instance_id, reported_at, client)"
                + " SELECT ?, m.process_instance_id, m.reported_at, ? FROM metrics_incident m WHERE m.process_instance_id = ?",
            variableId, client, processInstanceId) > 0;
  }

  private void update(String processInstanceId, String assignment, Object... values) {
    Object[] args = new Object[values.length + 1];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = processInstanceId;
    String sql = "UPDATE metrics_incident SET " + assignment + " WHERE process_instance_id = ?";
    if (jdbc.update(sql, args) == 0 && deriveIfMissing(processInstanceId)) {
      jdbc.update(sql, args);
    }
  }

  /**
   * Only when a write found no record: derives it from history if the incident has none (reported before
   * these tables existed, still open). True if it was derived now, so the write is worth repeating.
   */
  private boolean deriveIfMissing(String processInstanceId) {
    return !hasRecord(processInstanceId) && derive(" AND p.PROC_INST_ID_ = ?", processInstanceId) > 0;
  }

  private boolean hasRecord(String processInstanceId) {
    Integer known = jdbc.queryForObject(
        "SELECT COUNT(*) FROM metrics_incident WHERE process_instance_id = ?", Integer.class, processInstanceId);
    return known > 0;
  }

  // ---------------------------------------------------------------- from the engine's history

  /**
   * Derives the record of every incident that has none. In transactions of {@value #CHUNK} incidents, so a
   * large history neither builds one huge transaction nor starts over after an interruption; a chunk that
   * meets an incident whose record the live path wrote meanwhile is derived again without it. Returns how many.
   */
  public int backfill() {
    List<String> missing = jdbc.queryForList(
        "SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p WHERE" + MISSING + " ORDER BY p.START_TIME_", String.class,
        IncidentProcess.PROCESS_KEY);
    int derived = 0;
    long started = System.nanoTime();
    for (int from = 0; from < missing.size(); from += CHUNK) {
      List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
      String in = " AND p.PROC_INST_ID_ IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
      Object[] ids = chunk.toArray();
      Integer count;
      try {
        count = transaction.execute(status -> derive(in, ids));
      } catch (DataIntegrityViolationException raced) {
        count = transaction.execute(status -> derive(in, ids));
      }
      derived += count;
      if (from / CHUNK % 20 == 19) {
        log.info("Metrics record: derived {} of {} incidents from history ({} s)", derived, missing.size(),
            (System.nanoTime() - started) / 1_000_000_000);
      }
    }
    return derived;
  }

  /**
   * Whether some incident may lack a record, by two counts instead of the anti-join {@link #backfill()}
   * runs (1.2 s on the benchmark's 101,000 incidents, at every start). Exact once no record is left without
   * history ({@link #removeWithoutHistory()}): then equal counts mean every incident has its record.
   */
  public boolean mayLackRecords() {
    Long incidents = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", Long.class, IncidentProcess.PROCESS_KEY);
    Long records = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_incident", Long.class);
    return !incidents.equals(records);
  }

  /** Forgets one incident's record and derives it again from the engine's history. */
  public void rebuild(String processInstanceId) {
    transaction.executeWithoutResult(status -> {
      forget(List.of(processInstanceId));
      derive(" AND p.PROC_INST_ID_ = ?", processInstanceId);
    });
  }

  /**
   * Removes the record of incidents whose history the engine no longer has (history clean-up after the
   * process's time to live, or an operator deleting it), so the figures follow the engine's history.
   */
  public int removeWithoutHistory() {
    List<String> gone = jdbc.queryForList(
        "SELECT m.process_instance_id FROM metrics_incident m WHERE NOT EXISTS"
            + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.PROC_INST_ID_ = m.process_instance_id)",
        String.class);
    for (int from = 0; from < gone.size(); from += 500) {
      List<String> chunk = gone.subList(from, Math.min(gone.size(), from + 500));
      transaction.executeWithoutResult(status -> forget(chunk));
    }
    return gone.size();
  }

  void forget(List<String> processInstanceIds) {
    String in = String.join(", ", Collections.nCopies(processInstanceIds.size(), "?"));
    Object[] ids = processInstanceIds.toArray();
    jdbc.update("DELETE FROM metrics_step WHERE process_instance_id IN (" + in + ")", ids);
    jdbc.update("DELETE FROM metrics_client WHERE process_instance_id IN (" + in + ")", ids);
    jdbc.update("DELETE FROM metrics_incident WHERE process_instance_id IN (" + in + ")", ids);
  }

  /**
   * Steps and clients first (they select the incidents that have no record yet), then the incidents.
   * Same meanings as the live path: the first start of the manager's judgement, the first end of the first
   * response, the first start of Announce resolution; the process-level priority and client texts.
   */
  private int derive(String andOnly, Object... only) {
    List<Object> args = new ArrayList<>(List.of(IncidentProcess.PROCESS_KEY));
    args.addAll(List.of(only));
    Object[] params = args.toArray();
    jdbc.update("INSERT INTO metrics_step (activity_instance_id, process_instance_id, reported_at, step, duration_ms)"
        + " SELECT a.ID_, a.PROC_INST_ID_, p.START_TIME_, a.ACT_ID_, a.DURATION_"
        + " FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " WHERE" + MISSING + andOnly + " AND a.END_TIME_ IS NOT NULL AND a.ACT_TYPE_ IN (" + STEP_TYPES_SQL + ")", params);
    jdbc.update("INSERT INTO metrics_client (variable_id, process_instance_id, reported_at, client)"
        + " SELECT v.ID_, v.PROC_INST_ID_, p.START_TIME_, v.TEXT_"
        + " FROM ACT_HI_PROCINST p JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.PROC_INST_ID_ AND v.NAME_ = '" + Variables.CLIENT + "'"
        + " WHERE" + MISSING + andOnly + " AND v.TEXT_ IS NOT NULL AND v.TEXT_ <> ''", params);
    String since = "CAST((EXTRACT(EPOCH FROM d.%1$s) - EXTRACT(EPOCH FROM d.reported_at)) * 1000 AS BIGINT)";
    return jdbc.update("INSERT INTO metrics_incident (process_instance_id, incident_number, reported_at, priority,"
        + " acknowledged_at, mitigated_at, resolved_at, acknowledged_ms, mitigated_ms, resolved_ms, ended_at,"
        + " reported_clients, provisional_clients, scope_confirmed)"
        + " SELECT d.id, d.incident_number, d.reported_at, d.priority, d.acknowledged_at, d.mitigated_at, d.resolved_at, "
        + since.formatted("acknowledged_at") + ", " + since.formatted("mitigated_at") + ", " + since.formatted("resolved_at")
        + ", d.ended_at, d.reported_clients, d.provisional_clients, d.scope_confirmed FROM ("
        + " SELECT p.PROC_INST_ID_ AS id, p.BUSINESS_KEY_ AS incident_number, p.START_TIME_ AS reported_at, "
        + PROCESS_VARIABLE.formatted(Variables.PRIORITY) + " AS priority, "
        + FIRST_ACTIVITY.formatted("START_TIME_", Milestone.ACKNOWLEDGED.activity) + " AS acknowledged_at, "
        + FIRST_ACTIVITY.formatted("END_TIME_", Milestone.MITIGATED.activity) + " AS mitigated_at, "
        + FIRST_ACTIVITY.formatted("START_TIME_", Milestone.RESOLVED.activity) + " AS resolved_at, p.END_TIME_ AS ended_at, "
        + PROCESS_VARIABLE.formatted(Variables.CLIENTS_REPORTED) + " AS reported_clients, "
        + PROCESS_VARIABLE.formatted(Variables.PROVISIONAL_CLIENTS) + " AS provisional_clients,"
        + " CASE WHEN EXISTS (SELECT 1 FROM ACT_HI_VARINST f WHERE f.PROC_INST_ID_ = p.PROC_INST_ID_ AND f.NAME_ = '"
        + Variables.FINAL_SCOPE + "') THEN TRUE ELSE FALSE END AS scope_confirmed"
        + " FROM ACT_HI_PROCINST p WHERE" + MISSING + andOnly + ") d", params);
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  /** The milestones of docs/metrics.md and the activity (and its start or end) that marks each. */
  public enum Milestone {
    /** The manager's importance judgement starts. */
    ACKNOWLEDGED("acknowledged_at", Tasks.JUDGE_IMPORTANCE, true),
    /** The first response completes (urgent incidents only have one). */
    MITIGATED("mitigated_at", Tasks.FIRST_RESPONSE, false),
    /** Announce resolution starts: fix reviewed, clients contacted. */
    RESOLVED("resolved_at", Tasks.NOTIFY_RESOLVED, true);

    final String column;
    final String activity;

    String millisColumn() {
      return column.replace("_at", "_ms");
    }
    final boolean onStart;

    Milestone(String column, String activity, boolean onStart) {
      this.column = column;
      this.activity = activity;
      this.onStart = onStart;
    }

    public static Milestone startedBy(String activityId) {
      for (Milestone milestone : values()) {
        if (milestone.onStart && milestone.activity.equals(activityId)) {
          return milestone;
        }
      }
      return null;
    }

    public static Milestone endedBy(String activityId) {
      for (Milestone milestone : values()) {
        if (!milestone.onStart && milestone.activity.equals(activityId)) {
          return milestone;
        }
      }
      return null;
    }
  }
}
