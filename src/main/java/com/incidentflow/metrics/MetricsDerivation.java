package com.incidentflow.metrics;

import com.incidentflow.metrics.MetricsRecord.Milestone;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.HistoryTables;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metrics record derived from the engine's history tables ({@code ACT_HI_*}, read through
 * {@link HistoryTables}), with the same meanings as the live path ({@link MetricsRecord}): for incidents
 * that have no record yet, and for one incident whose record must be written again.
 */
public class MetricsDerivation {

  /** Incidents without a record, by the SQL expression of their process instance id. */
  private static final UnaryOperator<String> MISSING =
      id -> "NOT EXISTS (SELECT 1 FROM metrics_incident m WHERE m.process_instance_id = " + id + ")";

  static final int CHUNK = 1000;

  private static final Logger log = LoggerFactory.getLogger(MetricsDerivation.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final StepHistogram histogram;
  private final ClientCounts clientCounts;
  private final TrendCounts trend;
  private final TimeToCounts timeTo;
  private final HistoryTables history;

  MetricsDerivation(JdbcTemplate jdbc, TransactionTemplate transaction, StepHistogram histogram, ClientCounts clientCounts,
      TrendCounts trend, TimeToCounts timeTo) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.histogram = histogram;
    this.clientCounts = clientCounts;
    this.trend = trend;
    this.timeTo = timeTo;
    this.history = new HistoryTables(jdbc);
  }

  /**
   * Only when a write found no record: derives it from history if the incident has none (reported before
   * these tables existed, still open). True if it was derived now, so the write is worth repeating.
   */
  boolean deriveIfMissing(String processInstanceId) {
    return !hasRecord(processInstanceId) && derive(id -> id + " = ?", processInstanceId) > 0;
  }

  boolean hasRecord(String processInstanceId) {
    Integer known = jdbc.queryForObject(
        "SELECT COUNT(*) FROM metrics_incident WHERE process_instance_id = ?", Integer.class, processInstanceId);
    return known > 0;
  }

  /**
   * Derives the record of every incident that has none. In transactions of {@value #CHUNK} incidents, so a
   * large history neither builds one huge transaction nor starts over after an interruption; a chunk that
   * meets an incident whose record the live path wrote meanwhile is derived again without it. Returns how many.
   */
  public int backfill() {
    List<String> missing = history.incidentIds(IncidentProcess.PROCESS_KEY, MISSING);
    int derived = 0;
    long started = System.nanoTime();
    for (int from = 0; from < missing.size(); from += CHUNK) {
      List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
      String in = " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
      Object[] ids = chunk.toArray();
      Integer count;
      try {
        count = transaction.execute(status -> derive(id -> id + in, ids));
      } catch (DataIntegrityViolationException raced) {
        count = transaction.execute(status -> derive(id -> id + in, ids));
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
    long incidents = history.incidentCount(IncidentProcess.PROCESS_KEY);
    Long records = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_incident", Long.class);
    return incidents != records;
  }

  /** Forgets one incident's record and derives it again from the engine's history. */
  public void rebuild(String processInstanceId) {
    transaction.executeWithoutResult(status -> {
      forget(List.of(processInstanceId));
      derive(id -> id + " = ?", processInstanceId);
    });
  }

  void forget(List<String> processInstanceIds) {
    String in = String.join(", ", Collections.nCopies(processInstanceIds.size(), "?"));
    Object[] ids = processInstanceIds.toArray();
    histogram.change(-1, "s.process_instance_id IN (" + in + ")", ids);
    clientCounts.change(-1, "c.process_instance_id IN (" + in + ")", ids);
    trend.change(-1, Set.of(), "m.process_instance_id IN (" + in + ")", ids);
    timeTo.change(-1, Set.of(), "m.process_instance_id IN (" + in + ")", ids);
    jdbc.update("DELETE FROM metrics_step WHERE process_instance_id IN (" + in + ")", ids);
    jdbc.update("DELETE FROM metrics_client WHERE process_instance_id IN (" + in + ")", ids);
    jdbc.update("DELETE FROM metrics_incident WHERE process_instance_id IN (" + in + ")", ids);
  }

  /**
   * Steps and clients (and their counts, {@link StepHistogram}, {@link ClientCounts}) first (they select the incidents that
   * have no record yet), then the incidents.
   * Same meanings as the live path: the first start of the manager's judgement, the first end of the first
   * response, the first start of Announce resolution; the process-level priority and client texts.
   */
  private int derive(UnaryOperator<String> only, Object... onlyParameters) {
    UnaryOperator<String> which = id -> MISSING.apply(id) + " AND " + only.apply(id);
    Object[] params = HistoryTables.parameters(IncidentProcess.PROCESS_KEY, onlyParameters);
    jdbc.update("INSERT INTO metrics_step (activity_instance_id, process_instance_id, reported_at, step, duration_ms) "
        + HistoryTables.finishedActivities(MetricsRecord.STEP_TYPES_SQL, which), params);
    // The step rows just written: those of the chosen incidents, which have no incident row yet.
    histogram.change(+1, which.apply("s.process_instance_id"), onlyParameters);
    jdbc.update("INSERT INTO metrics_client (variable_id, process_instance_id, reported_at, client) "
        + HistoryTables.variableTexts(Variables.CLIENT, which), params);
    clientCounts.change(+1, which.apply("c.process_instance_id"), onlyParameters);
    String since = "CAST((EXTRACT(EPOCH FROM d.%1$s) - EXTRACT(EPOCH FROM d.reported_at)) * 1000 AS BIGINT)";
    // The chosen incidents that already have a row (written live meanwhile) are not written again, nor counted.
    Set<String> recorded = trend.ids(only.apply("m.process_instance_id"), onlyParameters);
    int derived = jdbc.update("INSERT INTO metrics_incident (process_instance_id, incident_number, reported_at, priority,"
        + " acknowledged_at, mitigated_at, resolved_at, acknowledged_ms, mitigated_ms, resolved_ms, ended_at,"
        + " reported_clients, provisional_clients, scope_confirmed)"
        + " SELECT d.id, d.incident_number, d.reported_at, d.priority, d.acknowledged_at, d.mitigated_at, d.resolved_at, "
        + since.formatted("acknowledged_at") + ", " + since.formatted("mitigated_at") + ", " + since.formatted("resolved_at")
        + ", d.ended_at, d.reported_clients, d.provisional_clients, d.scope_confirmed FROM ("
        + HistoryTables.incidentRows(List.of(
            HistoryTables.processVariableText(Variables.PRIORITY) + " AS priority",
            HistoryTables.firstStart(Milestone.ACKNOWLEDGED.activity) + " AS acknowledged_at",
            HistoryTables.firstEnd(Milestone.MITIGATED.activity) + " AS mitigated_at",
            HistoryTables.firstStart(Milestone.RESOLVED.activity) + " AS resolved_at",
            HistoryTables.processVariableText(Variables.CLIENTS_REPORTED) + " AS reported_clients",
            HistoryTables.processVariableText(Variables.PROVISIONAL_CLIENTS) + " AS provisional_clients",
            HistoryTables.variableEverSet(Variables.FINAL_SCOPE) + " AS scope_confirmed"), which)
        + ") d", params);
    trend.change(+1, recorded, only.apply("m.process_instance_id"), onlyParameters);
    timeTo.change(+1, recorded, only.apply("m.process_instance_id"), onlyParameters);
    return derived;
  }


}
