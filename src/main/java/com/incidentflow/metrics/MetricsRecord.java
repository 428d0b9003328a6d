package com.incidentflow.metrics;

import com.incidentflow.process.IncidentProcess.Tasks;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The metrics' own record of each incident (tables {@code metrics_incident}, {@code metrics_step},
 * {@code metrics_client}, see db/migration): what the report needs, one narrow row per incident, so that a
 * period of 100,000 incidents is aggregated from those rows instead of joined out of the engine's
 * 1.8 million activity and 1.1 million variable rows. Beside the rows, the counts the figures read, changed with
 * them: steps per duration bucket ({@link StepHistogram}), incidents per client ({@link ClientCounts}) and per report
 * and resolution day ({@link TrendCounts}), times to milestones per duration bucket ({@link TimeToCounts}).
 *
 * <p>Two ways in, with the same meaning (docs/metrics.md, "What is measured"):
 * <ul>
 *   <li>as it happens: {@link MetricsHistoryEvents} calls the {@code record...} methods of this class from the engine's
 *       history events, in the engine's transaction, so the record commits or rolls back with the step;</li>
 *   <li>from the engine's history: {@link MetricsDerivation#backfill()} derives the rows of every incident
 *       that has none (a database from before these tables, or history written by other means), and
 *       {@link MetricsDerivation#rebuild} derives one incident's rows again.</li>
 * </ul>
 * Each record call touches the incident's row even when nothing changes, so "no row" means exactly that
 * the incident has no record yet; then it is derived from history and the write repeated ({@link MetricsDerivation#deriveIfMissing}).
 */
public class MetricsRecord {

  /** Kinds of flow node a person or the app works on; gateways and events take no time worth showing. */
  public static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask");

  static final String STEP_TYPES_SQL = "'userTask', 'serviceTask', 'businessRuleTask'";

  /** Whole milliseconds from the report to a time, in the spelling H2 and PostgreSQL share. */
  private static final String MILLIS_SINCE_REPORTED =
      "CAST((EXTRACT(EPOCH FROM CAST(%s AS TIMESTAMP)) - EXTRACT(EPOCH FROM reported_at)) * 1000 AS BIGINT)";

  private final JdbcTemplate jdbc;
  private final MetricsDerivation derivation;
  private final StepHistogram histogram;
  private final ClientCounts clientCounts;
  private final TrendCounts trend;
  private final TimeToCounts timeTo;

  MetricsRecord(JdbcTemplate jdbc, MetricsDerivation derivation, StepHistogram histogram, ClientCounts clientCounts, TrendCounts trend,
      TimeToCounts timeTo) {
    this.jdbc = jdbc;
    this.derivation = derivation;
    this.histogram = histogram;
    this.clientCounts = clientCounts;
    this.trend = trend;
    this.timeTo = timeTo;
  }

  public void recordReported(String processInstanceId, Date reportedAt, String businessKey) {
    if (!derivation.hasRecord(processInstanceId)) {
      jdbc.update("INSERT INTO metrics_incident (process_instance_id, incident_number, reported_at, scope_confirmed)"
          + " VALUES (?, ?, ?, FALSE)", processInstanceId, businessKey, ts(reportedAt));
      trend.reported(ts(reportedAt).toLocalDateTime());
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
    String assignment = milestone.millisColumn() + " = " + earlier + MILLIS_SINCE_REPORTED.formatted("?") + " ELSE "
        + milestone.millisColumn() + " END, " + column + " = " + earlier + "? ELSE " + column + " END";
    updateCounted(processInstanceId, assignment, ts(at), ts(at), ts(at), ts(at));
  }

  public void recordStepCompleted(String processInstanceId, String activityInstanceId, String step, Long durationMillis) {
    String insert = "INSERT INTO metrics_step (activity_instance_id, process_instance_id, reported_at, step, duration_ms)"
        + " SELECT ?, m.process_instance_id, m.reported_at, ?, ? FROM metrics_incident m WHERE m.process_instance_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM metrics_step s WHERE s.activity_instance_id = ?)";
    Object[] args = {activityInstanceId, step, durationMillis, processInstanceId, activityInstanceId};
    int inserted = jdbc.update(insert, args);
    if (inserted == 0 && derivation.deriveIfMissing(processInstanceId)) {
      inserted = jdbc.update(insert, args);
    }
    // Counted exactly when its row is written: a step the derivation just wrote is counted by the derivation.
    if (inserted > 0) {
      LocalDateTime reportedAt = jdbc.queryForObject(
          "SELECT reported_at FROM metrics_incident WHERE process_instance_id = ?", LocalDateTime.class, processInstanceId);
      histogram.add(reportedAt, step, durationMillis);
    }
  }

  public void recordPriority(String processInstanceId, String priority) {
    updateCounted(processInstanceId, "priority = ?", priority);
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

  /**
   * A confirmed client (one per contact task); a changed value replaces the old one. The incidents per client and
   * day change with it ({@link ClientCounts}); a derivation in between counts the rows it writes itself.
   */
  public void recordClient(String processInstanceId, String variableId, String client) {
    if (client == null || client.isBlank()) {
      clientCounts.around(processInstanceId, () -> jdbc.update("DELETE FROM metrics_client WHERE variable_id = ?", variableId));
    } else if (!writeClient(processInstanceId, variableId, client) && derivation.deriveIfMissing(processInstanceId)) {
      writeClient(processInstanceId, variableId, client);
    }
  }

  private boolean writeClient(String processInstanceId, String variableId, String client) {
    boolean[] written = new boolean[1];
    clientCounts.around(processInstanceId, () -> written[0] = writeClientRow(processInstanceId, variableId, client));
    return written[0];
  }

  private boolean writeClientRow(String processInstanceId, String variableId, String client) {
    return jdbc.update("UPDATE metrics_client SET client = ? WHERE variable_id = ?", client, variableId) > 0
        || jdbc.update("INSERT INTO metrics_client (variable_id, process_instance_id, reported_at, client)"
                + " SELECT ?, m.process_instance_id, m.reported_at, ? FROM metrics_incident m WHERE m.process_instance_id = ?",
            variableId, client, processInstanceId) > 0;
  }

  private void update(String processInstanceId, String assignment, Object... values) {
    String sql = "UPDATE metrics_incident SET " + assignment + " WHERE process_instance_id = ?";
    Object[] args = withId(values, processInstanceId);
    if (jdbc.update(sql, args) == 0 && derivation.deriveIfMissing(processInstanceId)) {
      jdbc.update(sql, args);
    }
  }

  /**
   * As {@link #update}, for a write that may change the incident's priority or times to milestones: the counts of the
   * times ({@link TimeToCounts}) and of the resolution's day ({@link TrendCounts}) change by the difference it makes to
   * the row; a derivation in between counts what it writes itself.
   */
  private void updateCounted(String processInstanceId, String assignment, Object... values) {
    String sql = "UPDATE metrics_incident SET " + assignment + " WHERE process_instance_id = ?";
    Object[] args = withId(values, processInstanceId);
    if (writeCounted(processInstanceId, sql, args) == 0 && derivation.deriveIfMissing(processInstanceId)) {
      writeCounted(processInstanceId, sql, args);
    }
  }

  private int writeCounted(String processInstanceId, String sql, Object[] args) {
    TimeToCounts.Row before = timeTo.row(processInstanceId);
    int updated = jdbc.update(sql, args);
    TimeToCounts.Row after = timeTo.row(processInstanceId);
    timeTo.changed(before, after);
    trend.resolvedMoved(before.resolvedAt(), after.resolvedAt());
    return updated;
  }

  private static Object[] withId(Object[] values, String processInstanceId) {
    Object[] args = new Object[values.length + 1];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = processInstanceId;
    return args;
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
