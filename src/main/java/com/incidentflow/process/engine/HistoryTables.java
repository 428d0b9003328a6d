package com.incidentflow.process.engine;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL over the engine's history tables ({@code ACT_HI_*}) that features need where the engine's
 * query API is too slow for them (the metrics record: set-based over a hundred thousand incidents), in
 * one place: what an engine upgrade or the fork changes in those tables is read here. Reads come back
 * as our own rows; the statements a feature runs over its own tables with the history in them (an
 * {@code INSERT … SELECT}, an anti-join) get their history part from here, with our column names.
 *
 * <p>A statement's incidents are the instances of one process ({@code ?}, the first parameter), further
 * chosen by the caller's condition ({@code which}), which is given the SQL expression of an incident's
 * process instance id and may add parameters after the process key.
 */
public class HistoryTables {

  private final JdbcTemplate jdbc;

  public HistoryTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- reads -------------------------------------------------------------------------------------

  /** How many instances of the process the history has, finished or not. */
  public long incidentCount(String processKey) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", Long.class, processKey);
  }

  /** The ids of the chosen incidents, in the order they were reported. */
  public List<String> incidentIds(String processKey, UnaryOperator<String> which, Object... whichParameters) {
    return jdbc.queryForList(
        "SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p WHERE" + incidents(which) + " ORDER BY p.START_TIME_", String.class,
        parameters(processKey, whichParameters));
  }

  /**
   * The open activities of these types by activity id: how many instances of the process are on each,
   * most first (an instance on two at once counts for both).
   */
  public Map<String, Long> openActivities(String processKey, String activityTypesSql) {
    Map<String, Long> open = new LinkedHashMap<>();
    jdbc.query(
        "SELECT a.ACT_ID_ AS step, COUNT(DISTINCT a.PROC_INST_ID_) AS n FROM ACT_HI_ACTINST a"
            + " WHERE a.END_TIME_ IS NULL AND a.PROC_DEF_KEY_ = ? AND a.ACT_TYPE_ IN (" + activityTypesSql + ")"
            + " GROUP BY a.ACT_ID_ ORDER BY 2 DESC, 1",
        rs -> {
          open.put(rs.getString("step"), rs.getLong("n"));
        },
        processKey);
    return open;
  }

  /** When an activity instance started, as its history row has it. */
  public Optional<Date> activityStart(String activityInstanceId) {
    List<Date> started = jdbc.queryForList("SELECT START_TIME_ FROM ACT_HI_ACTINST WHERE ID_ = ?", Date.class, activityInstanceId);
    return started.isEmpty() ? Optional.empty() : Optional.ofNullable(started.get(0));
  }

  // --- history parts of a feature's own statements -----------------------------------------------

  /** A condition: the history still has the incident whose process instance id is {@code incidentId}. */
  public static String hasHistory(String incidentId) {
    return "EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.PROC_INST_ID_ = " + incidentId + ")";
  }

  /**
   * The finished activities of these types of the chosen incidents: activity_instance_id,
   * process_instance_id, reported_at (the incident's), step (activity id), duration_ms.
   */
  public static String finishedActivities(String activityTypesSql, UnaryOperator<String> which) {
    return "SELECT a.ID_, a.PROC_INST_ID_, p.START_TIME_, a.ACT_ID_, a.DURATION_"
        + " FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " WHERE" + incidents(which) + " AND a.END_TIME_ IS NOT NULL AND a.ACT_TYPE_ IN (" + activityTypesSql + ")";
  }

  /**
   * Every non-empty text of a variable, in any scope, of the chosen incidents: variable_id,
   * process_instance_id, reported_at (the incident's), the text.
   */
  public static String variableTexts(String variable, UnaryOperator<String> which) {
    return "SELECT v.ID_, v.PROC_INST_ID_, p.START_TIME_, v.TEXT_"
        + " FROM ACT_HI_PROCINST p JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.PROC_INST_ID_ AND v.NAME_ = '" + variable + "'"
        + " WHERE" + incidents(which) + " AND v.TEXT_ IS NOT NULL AND v.TEXT_ <> ''";
  }

  /**
   * One row per chosen incident: id, incident_number (its business key), reported_at, ended_at, and
   * the caller's columns (each "expression AS name", built from the expressions below).
   */
  public static String incidentRows(List<String> columns, UnaryOperator<String> which) {
    return "SELECT p.PROC_INST_ID_ AS id, p.BUSINESS_KEY_ AS incident_number, p.START_TIME_ AS reported_at, p.END_TIME_ AS ended_at, "
        + String.join(", ", columns) + " FROM ACT_HI_PROCINST p WHERE" + incidents(which);
  }

  /** In {@link #incidentRows}: the text of a variable of the process instance itself (not of a subscope). */
  public static String processVariableText(String variable) {
    return "(SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " AND v.EXECUTION_ID_ = p.PROC_INST_ID_ AND v.NAME_ = '" + variable + "')";
  }

  /** In {@link #incidentRows}: whether the variable was ever set, in any scope. */
  public static String variableEverSet(String variable) {
    return "CASE WHEN EXISTS (SELECT 1 FROM ACT_HI_VARINST f WHERE f.PROC_INST_ID_ = p.PROC_INST_ID_ AND f.NAME_ = '"
        + variable + "') THEN TRUE ELSE FALSE END";
  }

  /** In {@link #incidentRows}: when the activity first started. */
  public static String firstStart(String activityId) {
    return firstActivity("START_TIME_", activityId);
  }

  /** In {@link #incidentRows}: when the activity first ended. */
  public static String firstEnd(String activityId) {
    return firstActivity("END_TIME_", activityId);
  }

  /** The parameters of a statement above: the process key, then the condition's. */
  public static Object[] parameters(String processKey, Object... whichParameters) {
    Object[] all = new Object[whichParameters.length + 1];
    all[0] = processKey;
    System.arraycopy(whichParameters, 0, all, 1, whichParameters.length);
    return all;
  }

  private static String firstActivity(String column, String activityId) {
    return "(SELECT MIN(a." + column + ") FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = p.PROC_INST_ID_ AND a.ACT_ID_ = '" + activityId + "')";
  }

  private static String incidents(UnaryOperator<String> which) {
    return " p.PROC_DEF_KEY_ = ? AND " + which.apply("p.PROC_INST_ID_");
  }
}
