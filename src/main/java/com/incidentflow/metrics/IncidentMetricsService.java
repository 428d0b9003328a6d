package com.incidentflow.metrics;

import com.incidentflow.metrics.IncidentMetrics.Count;
import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.metrics.IncidentMetrics.OpenIncident;
import com.incidentflow.metrics.IncidentMetrics.StepCount;
import com.incidentflow.metrics.IncidentMetrics.StepDurationStats;
import com.incidentflow.metrics.IncidentMetrics.SuspectedChanges;
import com.incidentflow.metrics.IncidentMetrics.WeekTrend;
import com.incidentflow.metrics.MetricsRecord.Milestone;
import com.incidentflow.process.ClientList;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.engine.HistoryTables;
import com.incidentflow.process.engine.ProcessModel;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Incident figures. Period figures and open counts aggregate the metrics' own record of each incident
 * ({@link MetricsRecord}: one narrow row per incident, one per completed step, one per confirmed client);
 * current steps come from the engine's history. Counts are aggregate queries; no instance is loaded into
 * memory. Times to milestones and time per step read counts per day, month and year of the report and duration
 * bucket ({@link TimeToCounts}, {@link StepHistogram}) — a period of two years holds 100,000 incidents and 1.5
 * million steps — and take median and p90 from those, within 1 % of {@code PERCENTILE_CONT} over the record's
 * milliseconds.
 *
 * <p>Milestones (see docs/metrics.md): reported = process start; acknowledged = the manager's
 * importance judgement starts; mitigated = first response completes (urgent incidents only);
 * resolved = the engine reaches "Announce resolution" (fix reviewed, clients contacted).
 */
public class IncidentMetricsService {

  static final int OLDEST_OPEN_LIMIT = 20;

  private static final String PRIORITY_KEY = "COALESCE(m.priority, '" + IncidentMetrics.NO_PRIORITY + "')";

  private static final String REPORTED_IN_PERIOD = " m.reported_at >= ? AND m.reported_at < ? ";

  private final JdbcTemplate jdbc;
  private final ProcessModel model;
  private final Clock clock;
  private final MetricsFigures figures;
  private volatile Boolean isH2;

  public IncidentMetricsService(JdbcTemplate jdbc, ProcessModel model, Clock clock, MetricsFigures figures) {
    this.jdbc = jdbc;
    this.model = model;
    this.clock = clock;
    this.figures = figures;
  }

  /**
   * For the Cockpit plugin, which Jersey (not Spring) creates: it reaches the engine's data source, and takes the
   * app's pool of figure threads ({@link MetricsFigures}, a bean) so that a request starts no threads of its own.
   */
  public static IncidentMetricsService on(DataSource dataSource, ProcessModel model, Clock clock, MetricsFigures figures) {
    return new IncidentMetricsService(new JdbcTemplate(dataSource), model, clock, figures);
  }

  /**
   * The whole report. Its figures are independent queries, so they run at once, each on a thread of
   * {@link MetricsFigures} and a connection of its own; the report waits for all of them and fails with the first
   * figure that fails (no partial report). Inside a transaction (no caller today: the API, the Cockpit resource and
   * the gauges call it outside any) the figures run one after the other on the caller's thread instead, so that they
   * read through the transaction's connection — its own writes, its snapshot — exactly as they always did.
   */
  public IncidentMetrics report(MetricsPeriod period) {
    Map<String, String> stepNames = stepNames();
    MetricsFigures.Report report = TransactionSynchronizationManager.isActualTransactionActive()
        ? MetricsFigures.sequentially()
        : figures.concurrently();
    // The longest first, so that they start before the quick ones take the threads.
    CompletableFuture<TimeTo> timeTo = report.add(() -> timeTo(period));
    CompletableFuture<List<StepDurationStats>> perStep = report.add(() -> timePerStep(period, stepNames));
    CompletableFuture<List<WeekTrend>> trend = report.add(() -> weeklyTrend(period));
    CompletableFuture<List<Count>> perClient = report.add(() -> incidentsPerClient(period));
    CompletableFuture<SuspectedChanges> suspected = report.add(() -> suspectedChanges(period));
    CompletableFuture<List<Count>> openByPriority = report.add(this::openByPriority);
    CompletableFuture<List<StepCount>> openByStep = report.add(() -> openByStep(stepNames));
    CompletableFuture<List<OpenIncident>> oldestOpen = report.add(this::oldestOpen);
    report.await();
    TimeTo times = value(timeTo);
    return new IncidentMetrics(
        period.from(),
        period.to(),
        clock.instant(),
        value(openByPriority),
        value(openByStep),
        value(oldestOpen),
        times.acknowledge(),
        times.mitigate(),
        times.resolve(),
        value(perStep),
        value(perClient),
        value(trend),
        value(suspected));
  }

  private static <T> T value(CompletableFuture<T> figure) {
    return MetricsFigures.Report.value(figure);
  }

  public List<Count> openByPriority() {
    return jdbc.query(
        "SELECT " + PRIORITY_KEY + " AS priority, COUNT(*) AS n FROM metrics_incident m WHERE m.ended_at IS NULL"
            + " GROUP BY " + PRIORITY_KEY + " ORDER BY 1",
        (rs, i) -> new Count(rs.getString("priority"), rs.getLong("n")));
  }

  /** An incident working on two steps at once (fix and client contact) counts for both. */
  public List<StepCount> openByStep(Map<String, String> stepNames) {
    return new HistoryTables(jdbc).openActivities(IncidentProcess.PROCESS_KEY, MetricsRecord.STEP_TYPES_SQL).entrySet().stream()
        .map(open -> new StepCount(open.getKey(), stepNames.getOrDefault(open.getKey(), open.getKey()), open.getValue()))
        .toList();
  }

  public List<OpenIncident> oldestOpen() {
    return jdbc.query(
        "SELECT m.process_instance_id AS id, m.incident_number AS number, m.reported_at AS reported, " + PRIORITY_KEY
            + " AS priority FROM metrics_incident m WHERE m.ended_at IS NULL ORDER BY m.reported_at, m.process_instance_id"
            + " FETCH FIRST " + OLDEST_OPEN_LIMIT + " ROWS ONLY",
        (rs, i) -> new OpenIncident(
            rs.getString("id"),
            rs.getString("number"),
            rs.getString("priority"),
            rs.getTimestamp("reported").toInstant(),
            "#/process-instance/" + rs.getString("id") + "/runtime"));
  }

  /** Time-to figures per priority: report to acknowledged, to mitigated, to resolved. */
  public record TimeTo(List<DurationStats> acknowledge, List<DurationStats> mitigate, List<DurationStats> resolve) {}

  /**
   * All three time-to figures per priority, read from the counts of the incidents reported in the period per milestone,
   * priority and duration bucket ({@link TimeToCounts}): each figure covers exactly the incidents that reached its
   * milestone; the count is exact, median and p90 within {@link DurationBuckets#RELATIVE_ERROR_BOUND} (relative) of the
   * exact {@code PERCENTILE_CONT} over the record's milliseconds.
   */
  public TimeTo timeTo(MetricsPeriod period) {
    Map<Milestone, Map<String, NavigableMap<Integer, Long>>> counts = TimeToCounts.read(jdbc, period);
    return new TimeTo(durations(counts.get(Milestone.ACKNOWLEDGED)), durations(counts.get(Milestone.MITIGATED)),
        durations(counts.get(Milestone.RESOLVED)));
  }

  private static List<DurationStats> durations(Map<String, NavigableMap<Integer, Long>> perPriority) {
    List<DurationStats> durations = new ArrayList<>();
    perPriority.forEach((priority, buckets) -> durations.add(new DurationStats(priority,
        buckets.values().stream().mapToLong(Long::longValue).sum(),
        DurationBuckets.percentile(buckets, 0.5) / 1000.0,
        DurationBuckets.percentile(buckets, 0.9) / 1000.0)));
    return durations;
  }

  /**
   * Completed steps of incidents reported in the period; durations are the engine's own milliseconds. Read
   * from the steps' counts per day and duration bucket ({@link StepHistogram}), not from every step row: the
   * count is exact, median and p90 are within {@link DurationBuckets#RELATIVE_ERROR_BOUND} (relative) of the
   * exact {@code PERCENTILE_CONT} over the step rows.
   */
  public List<StepDurationStats> timePerStep(MetricsPeriod period, Map<String, String> stepNames) {
    return StepHistogram.read(jdbc, period).entrySet().stream()
        .map(step -> new StepDurationStats(
            step.getKey(),
            stepNames.getOrDefault(step.getKey(), step.getKey()),
            step.getValue().values().stream().mapToLong(Long::longValue).sum(),
            seconds(DurationBuckets.percentile(step.getValue(), 0.5)),
            seconds(DurationBuckets.percentile(step.getValue(), 0.9))))
        .sorted(Comparator.comparingInt(s -> stepOrder(stepNames, s.step())))
        .toList();
  }

  /**
   * Confirmed clients come from the contact steps (one {@code client} variable per affected client), counted per
   * client and day of the report as they are written ({@link ClientCounts}), so a period reads a few rows per month.
   * Incidents whose impact is not confirmed yet fall back to the provisional or reported clients — free text, parsed
   * here, but only for those few unconfirmed incidents, which an index of their own finds.
   */
  public List<Count> incidentsPerClient(MetricsPeriod period) {
    Map<String, Long> perClient = ClientCounts.read(jdbc, period);
    jdbc.query(
        "SELECT COALESCE(m.provisional_clients, m.reported_clients) AS clients FROM metrics_incident m" + unconfirmedIndex()
            + " WHERE m.scope_confirmed = FALSE AND " + REPORTED_IN_PERIOD
            + " AND COALESCE(m.provisional_clients, m.reported_clients) IS NOT NULL",
        (ResultSet rs) -> {
          ClientList.parse(rs.getString("clients")).forEach(client -> perClient.merge(client, 1L, Long::sum));
        },
        period.startInclusive(),
        period.endExclusive());
    return perClient.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
        .toList();
  }

  /**
   * On H2, the index of unconfirmed incidents by name: for a period over most of the record H2 would otherwise plan
   * with the report-time index and visit every incident of the period (PostgreSQL's planner picks it by itself).
   */
  private String unconfirmedIndex() {
    return h2() ? " USE INDEX (metrics_incident_unconfirmed)" : "";
  }

  private boolean h2() {
    Boolean h2 = isH2;
    if (h2 == null) {
      h2 = jdbc.execute((ConnectionCallback<Boolean>) connection -> "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
      isH2 = h2;
    }
    return h2;
  }

  /**
   * Incidents of the period, from the incidents reported per day ({@link TrendCounts}), and those of them with a
   * suspected change, from the few incidents that have one ({@code change_suspected}).
   */
  public SuspectedChanges suspectedChanges(MetricsPeriod period) {
    long[] reported = new long[1];
    TrendCounts.read(jdbc, period, (day, reportedResolved) -> reported[0] += reportedResolved[0]);
    Long suspected = jdbc.queryForObject(
        "SELECT COUNT(*) FROM metrics_incident m WHERE m.process_instance_id IN (SELECT s.process_instance_id FROM change_suspected s)"
            + " AND " + REPORTED_IN_PERIOD,
        Long.class,
        period.startInclusive(),
        period.endExclusive());
    return new SuspectedChanges(reported[0], suspected);
  }

  /**
   * Incidents reported and resolved per Monday-based week: read from the counts per day kept with the record
   * ({@link TrendCounts}, two rows per day at most), the days are folded into weeks here.
   */
  public List<WeekTrend> weeklyTrend(MetricsPeriod period) {
    Map<LocalDate, long[]> weeks = new TreeMap<>();
    for (LocalDate week = weekOf(period.from()); !week.isAfter(period.to()); week = week.plusWeeks(1)) {
      weeks.put(week, new long[2]);
    }
    TrendCounts.read(jdbc, period, (day, reportedResolved) -> {
      long[] week = weeks.get(weekOf(day));
      week[0] += reportedResolved[0];
      week[1] += reportedResolved[1];
    });
    List<WeekTrend> trend = new ArrayList<>();
    weeks.forEach((week, counts) -> trend.add(new WeekTrend(week, counts[0], counts[1])));
    return trend;
  }

  /** Steps (tasks) and their names, in model order, from the latest deployed model (the engine caches it). */
  public Map<String, String> stepNames() {
    return model.taskNames(IncidentProcess.PROCESS_KEY);
  }

  private static int stepOrder(Map<String, String> stepNames, String step) {
    int index = new ArrayList<>(stepNames.keySet()).indexOf(step);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static Double seconds(Double millis) {
    return millis == null ? null : millis / 1000.0;
  }
}
