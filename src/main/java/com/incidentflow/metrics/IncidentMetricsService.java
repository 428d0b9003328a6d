package com.incidentflow.metrics;

import com.incidentflow.metrics.IncidentMetrics.Count;
import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.metrics.IncidentMetrics.OpenIncident;
import com.incidentflow.metrics.IncidentMetrics.StepCount;
import com.incidentflow.metrics.IncidentMetrics.StepDurationStats;
import com.incidentflow.metrics.IncidentMetrics.WeekTrend;
import com.incidentflow.process.ClientList;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Incident figures straight from the engine's history tables. Every figure is one aggregate query:
 * counts, and medians/p90s with {@code PERCENTILE_CONT ... WITHIN GROUP}, which H2 2.x and PostgreSQL
 * both compute in the database, so no instance is loaded into memory. Time differences use
 * {@code EXTRACT(EPOCH FROM ...)}, the one spelling both databases share.
 *
 * <p>Milestones (see docs/metrics.md): reported = process start; acknowledged = the manager's
 * importance judgement starts; mitigated = first response completes (urgent incidents only);
 * resolved = the engine reaches "Announce resolution" (fix reviewed, clients contacted).
 */
public class IncidentMetricsService {

  /** Kinds of flow node a person or the app works on; gateways and events take no time worth showing. */
  static final String STEP_TYPES = "'userTask', 'serviceTask', 'businessRuleTask'";

  static final int OLDEST_OPEN_LIMIT = 20;

  private static final String PRIORITY_JOIN =
      " LEFT JOIN ACT_HI_VARINST pr ON pr.PROC_INST_ID_ = p.PROC_INST_ID_ AND pr.NAME_ = ?"
          + " AND pr.EXECUTION_ID_ = p.PROC_INST_ID_ ";

  private static final String PRIORITY_KEY = "COALESCE(pr.TEXT_, '" + IncidentMetrics.NO_PRIORITY + "')";

  private static final String IN_PERIOD = " p.PROC_DEF_KEY_ = ? AND p.START_TIME_ >= ? AND p.START_TIME_ < ? ";

  private static final String PERCENTILES =
      "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %1$s) AS median_ms,"
          + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %1$s) AS p90_ms";

  private static final String MILLIS_BETWEEN = "(EXTRACT(EPOCH FROM %2$s) - EXTRACT(EPOCH FROM %1$s)) * 1000";

  private final JdbcTemplate jdbc;
  private final RepositoryService repository;

  public IncidentMetricsService(JdbcTemplate jdbc, RepositoryService repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** For the Cockpit plugin, which Jersey (not Spring) creates: it reaches the engine's data source. */
  public static IncidentMetricsService on(DataSource dataSource, RepositoryService repository) {
    return new IncidentMetricsService(new JdbcTemplate(dataSource), repository);
  }

  public IncidentMetrics report(MetricsPeriod period) {
    Map<String, String> stepNames = stepNames();
    return new IncidentMetrics(
        period.from(),
        period.to(),
        ClockUtil.getCurrentTime().toInstant(),
        openByPriority(),
        openByStep(stepNames),
        oldestOpen(),
        timeToReach(Tasks.JUDGE_IMPORTANCE, Milestone.STARTED, period),
        timeToReach(Tasks.FIRST_RESPONSE, Milestone.COMPLETED, period),
        timeToReach(Tasks.NOTIFY_RESOLVED, Milestone.STARTED, period),
        timePerStep(period, stepNames),
        incidentsPerClient(period),
        weeklyTrend(period));
  }

  public List<Count> openByPriority() {
    return jdbc.query(
        "SELECT " + PRIORITY_KEY + " AS priority, COUNT(*) AS n FROM ACT_HI_PROCINST p" + PRIORITY_JOIN
            + " WHERE p.END_TIME_ IS NULL AND p.PROC_DEF_KEY_ = ? GROUP BY " + PRIORITY_KEY + " ORDER BY 1",
        (rs, i) -> new Count(rs.getString("priority"), rs.getLong("n")),
        Variables.PRIORITY,
        IncidentProcess.PROCESS_KEY);
  }

  /** An incident working on two steps at once (fix and client contact) counts for both. */
  public List<StepCount> openByStep(Map<String, String> stepNames) {
    return jdbc.query(
        "SELECT a.ACT_ID_ AS step, COUNT(DISTINCT a.PROC_INST_ID_) AS n FROM ACT_HI_ACTINST a"
            + " WHERE a.END_TIME_ IS NULL AND a.PROC_DEF_KEY_ = ? AND a.ACT_TYPE_ IN (" + STEP_TYPES + ")"
            + " GROUP BY a.ACT_ID_ ORDER BY 2 DESC, 1",
        (rs, i) -> new StepCount(rs.getString("step"), stepNames.getOrDefault(rs.getString("step"), rs.getString("step")), rs.getLong("n")),
        IncidentProcess.PROCESS_KEY);
  }

  public List<OpenIncident> oldestOpen() {
    return jdbc.query(
        "SELECT p.PROC_INST_ID_ AS id, p.BUSINESS_KEY_ AS number, p.START_TIME_ AS reported, " + PRIORITY_KEY
            + " AS priority FROM ACT_HI_PROCINST p" + PRIORITY_JOIN
            + " WHERE p.END_TIME_ IS NULL AND p.PROC_DEF_KEY_ = ? ORDER BY p.START_TIME_, p.PROC_INST_ID_"
            + " FETCH FIRST " + OLDEST_OPEN_LIMIT + " ROWS ONLY",
        (rs, i) -> new OpenIncident(
            rs.getString("id"),
            rs.getString("number"),
            rs.getString("priority"),
            rs.getTimestamp("reported").toInstant(),
            "#/process-instance/" + rs.getString("id") + "/runtime"),
        Variables.PRIORITY,
        IncidentProcess.PROCESS_KEY);
  }

  enum Milestone {
    STARTED("MIN(a.START_TIME_)", ""),
    COMPLETED("MIN(a.END_TIME_)", " AND a.END_TIME_ IS NOT NULL");

    final String firstTime;
    final String condition;

    Milestone(String firstTime, String condition) {
      this.firstTime = firstTime;
      this.condition = condition;
    }
  }

  /** Report to the first time the incident reached {@code activityId}, per priority, incidents reported in the period. */
  public List<DurationStats> timeToReach(String activityId, Milestone milestone, MetricsPeriod period) {
    String millis = MILLIS_BETWEEN.formatted("p.START_TIME_", milestone.firstTime);
    return jdbc.query(
        "SELECT " + PRIORITY_KEY + " AS priority, COUNT(*) AS n, " + PERCENTILES.formatted("m.ms")
            + " FROM (SELECT p.PROC_INST_ID_ AS id, " + millis + " AS ms"
            + "   FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.PROC_INST_ID_ AND a.ACT_ID_ = ?"
            + milestone.condition
            + "   WHERE " + IN_PERIOD + " GROUP BY p.PROC_INST_ID_, p.START_TIME_) m"
            + " JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = m.id" + PRIORITY_JOIN
            + " GROUP BY " + PRIORITY_KEY + " ORDER BY 1",
        (rs, i) -> new DurationStats(rs.getString("priority"), rs.getLong("n"), seconds(rs, "median_ms"), seconds(rs, "p90_ms")),
        activityId,
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive(),
        Variables.PRIORITY);
  }

  /** Completed steps of incidents reported in the period; DURATION_ is the engine's own milliseconds. */
  public List<StepDurationStats> timePerStep(MetricsPeriod period, Map<String, String> stepNames) {
    return jdbc.query(
        "SELECT a.ACT_ID_ AS step, COUNT(*) AS n, " + PERCENTILES.formatted("a.DURATION_")
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.PROC_INST_ID_"
            + " WHERE " + IN_PERIOD + " AND a.END_TIME_ IS NOT NULL AND a.ACT_TYPE_ IN (" + STEP_TYPES + ")"
            + " GROUP BY a.ACT_ID_",
        (rs, i) -> new StepDurationStats(
            rs.getString("step"),
            stepNames.getOrDefault(rs.getString("step"), rs.getString("step")),
            rs.getLong("n"),
            seconds(rs, "median_ms"),
            seconds(rs, "p90_ms")),
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive())
        .stream()
        .sorted(Comparator.comparingInt(s -> stepOrder(stepNames, s.step())))
        .toList();
  }

  /**
   * Confirmed clients come from the contact steps (one {@code client} variable per affected client, so
   * the database counts them). Incidents whose impact is not confirmed yet fall back to the provisional
   * or reported clients — free text, parsed here, but only for those few unconfirmed incidents.
   */
  public List<Count> incidentsPerClient(MetricsPeriod period) {
    Map<String, Long> perClient = new HashMap<>();
    jdbc.query(
        "SELECT c.TEXT_ AS client, COUNT(DISTINCT c.PROC_INST_ID_) AS n"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_VARINST c ON c.PROC_INST_ID_ = p.PROC_INST_ID_ AND c.NAME_ = ?"
            + " WHERE " + IN_PERIOD + " GROUP BY c.TEXT_",
        (ResultSet rs) -> {
          perClient.merge(rs.getString("client"), rs.getLong("n"), Long::sum);
        },
        Variables.CLIENT,
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive());
    jdbc.query(
        "SELECT COALESCE(pc.TEXT_, cr.TEXT_) AS clients FROM ACT_HI_PROCINST p"
            + " LEFT JOIN ACT_HI_VARINST pc ON pc.PROC_INST_ID_ = p.PROC_INST_ID_ AND pc.NAME_ = ? AND pc.EXECUTION_ID_ = p.PROC_INST_ID_"
            + " LEFT JOIN ACT_HI_VARINST cr ON cr.PROC_INST_ID_ = p.PROC_INST_ID_ AND cr.NAME_ = ? AND cr.EXECUTION_ID_ = p.PROC_INST_ID_"
            + " WHERE " + IN_PERIOD
            + " AND COALESCE(pc.TEXT_, cr.TEXT_) IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_VARINST f WHERE f.PROC_INST_ID_ = p.PROC_INST_ID_ AND f.NAME_ = ?)",
        (ResultSet rs) -> {
          ClientList.parse(rs.getString("clients")).forEach(client -> perClient.merge(client, 1L, Long::sum));
        },
        Variables.PROVISIONAL_CLIENTS,
        Variables.CLIENTS_REPORTED,
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive(),
        Variables.FINAL_SCOPE);
    return perClient.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
        .toList();
  }

  /** The database counts per day (at most a few hundred rows); days are folded into Monday-based weeks here. */
  public List<WeekTrend> weeklyTrend(MetricsPeriod period) {
    Map<LocalDate, long[]> weeks = new TreeMap<>();
    for (LocalDate week = weekOf(period.from()); !week.isAfter(period.to()); week = week.plusWeeks(1)) {
      weeks.put(week, new long[2]);
    }
    jdbc.query(
        "SELECT CAST(p.START_TIME_ AS DATE) AS on_day, COUNT(*) AS n FROM ACT_HI_PROCINST p WHERE " + IN_PERIOD
            + " GROUP BY CAST(p.START_TIME_ AS DATE)",
        (ResultSet rs) -> {
          weeks.get(weekOf(rs.getDate("on_day").toLocalDate()))[0] += rs.getLong("n");
        },
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive());
    jdbc.query(
        "SELECT CAST(a.START_TIME_ AS DATE) AS on_day, COUNT(DISTINCT a.PROC_INST_ID_) AS n FROM ACT_HI_ACTINST a"
            + " WHERE a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND a.START_TIME_ >= ? AND a.START_TIME_ < ?"
            + " GROUP BY CAST(a.START_TIME_ AS DATE)",
        (ResultSet rs) -> {
          weeks.get(weekOf(rs.getDate("on_day").toLocalDate()))[1] += rs.getLong("n");
        },
        Tasks.NOTIFY_RESOLVED,
        IncidentProcess.PROCESS_KEY,
        period.startInclusive(),
        period.endExclusive());
    List<WeekTrend> trend = new ArrayList<>();
    weeks.forEach((week, counts) -> trend.add(new WeekTrend(week, counts[0], counts[1])));
    return trend;
  }

  /** Steps (tasks) and their names, in model order, from the latest deployed model (the engine caches it). */
  public Map<String, String> stepNames() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IncidentProcess.PROCESS_KEY)
        .latestVersion()
        .singleResult();
    Map<String, String> names = new LinkedHashMap<>();
    if (definition == null) {
      return names;
    }
    // Every task at any depth (the response phase is a subprocess), in the model's order.
    for (Task task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(Task.class)) {
      names.put(task.getId(), task.getName() != null ? task.getName() : task.getId());
    }
    return names;
  }

  private static int stepOrder(Map<String, String> stepNames, String step) {
    int index = new ArrayList<>(stepNames.keySet()).indexOf(step);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static Double seconds(ResultSet rs, String column) throws SQLException {
    double millis = rs.getDouble(column);
    return rs.wasNull() ? null : millis / 1000.0;
  }
}
