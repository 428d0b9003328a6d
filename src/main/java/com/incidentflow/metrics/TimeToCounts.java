package com.incidentflow.metrics;

import com.incidentflow.metrics.DayMonthCounts.Key;
import com.incidentflow.metrics.MetricsRecord.Milestone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The times from report to milestone counted per milestone, priority, duration bucket ({@link DurationBuckets}) and
 * day of the incident's report, beside the record's incident rows ({@code metrics_incident.acknowledged_ms},
 * {@code mitigated_ms}, {@code resolved_ms} and {@code priority}): the time-to figures of a period read these counts
 * ({@link DayMonthCounts}: its whole years from the year rows) instead of every incident of the period. Tables
 * {@code metrics_timeto_day}, {@code _month} and {@code _year} (db/migration/common/V10__metrics_year_counts.sql);
 * an incident without a priority counts under {@link IncidentMetrics#NO_PRIORITY}, one that has not reached a
 * milestone is not counted for it (as {@code PERCENTILE_CONT} skips NULLs).
 *
 * <p>Kept in the record's transaction: a write that may change an incident's priority or times changes the counts by
 * the difference between the incident's keys before and after it ({@link #row}, {@link #changed}); incidents derived or forgotten
 * whole add or take away all of theirs ({@link #change}). The counts are made from the rows already in the record at
 * the first start after the upgrade that added them ({@link #matchesRecord}, {@link #recount}).
 */
class TimeToCounts {

  private static final String TABLE = "metrics_timeto";
  private static final List<String> COLUMNS = List.of("milestone", "priority", "bucket");
  private static final String COUNT = "incidents";

  private static final String ROW = "m.process_instance_id, m.reported_at, m.priority, m.acknowledged_ms, m.mitigated_ms, m.resolved_ms";

  private final JdbcTemplate jdbc;
  private final DayMonthCounts counts;

  TimeToCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = new DayMonthCounts(jdbc, transactions, TABLE, COLUMNS, COUNT);
  }

  /**
   * One incident's row as the counts see it — its keys here, and its resolution time, whose day the trend counts
   * ({@link TrendCounts}) — read by primary key before and after a write ({@link #changed}); empty without a row.
   */
  record Row(Map<Key, Long> counted, LocalDateTime resolvedAt) {}

  Row row(String processInstanceId) {
    Map<Key, Long> counted = DayMonthCounts.changes();
    LocalDateTime[] resolvedAt = new LocalDateTime[1];
    jdbc.query("SELECT " + ROW + ", m.resolved_at FROM metrics_incident m WHERE m.process_instance_id = ?",
        rs -> {
          count(counted, rs, 1);
          resolvedAt[0] = rs.getObject("resolved_at", LocalDateTime.class);
        },
        processInstanceId);
    return new Row(counted, resolvedAt[0]);
  }

  /** Counts the difference a write made to one incident's keys (its row before and after it). */
  void changed(Row before, Row after) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    changes.putAll(after.counted());
    before.counted().forEach((key, n) -> changes.merge(key, -n, Long::sum));
    changes.values().removeIf(n -> n == 0);
    if (!changes.isEmpty()) {
      counts.apply(changes);
    }
  }

  /**
   * Adds (+1) or removes (-1) the counts of the incident rows {@code condition} selects (given the alias {@code m}),
   * except those whose ids are in {@code except}.
   */
  void change(int sign, Set<String> except, String condition, Object... parameters) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    jdbc.query("SELECT " + ROW + " FROM metrics_incident m WHERE " + condition,
        rs -> {
          if (!except.contains(rs.getString("process_instance_id"))) {
            count(changes, rs, sign);
          }
        },
        parameters);
    counts.apply(changes);
  }

  /**
   * Whether the counts add up to the record, by two totals: each incident counts once for each milestone it has
   * reached. They do not after the upgrade that added the counts to a record that already had incidents.
   */
  boolean matchesRecord() {
    Long reached = jdbc.queryForObject(
        "SELECT COUNT(acknowledged_ms) + COUNT(mitigated_ms) + COUNT(resolved_ms) FROM metrics_incident", Long.class);
    return reached == counts.total();
  }

  /**
   * Counts the incident rows again, month by month, then the years ({@link DayMonthCounts#recount}). Returns how many
   * months.
   */
  int recount(TransactionTemplate transaction) {
    return counts.recount(transaction, "metrics_incident",
        (from, to) -> change(+1, Set.of(), "m.reported_at >= ? AND m.reported_at < ?", from, to));
  }

  /** Per milestone and priority (in priority order), the counts per bucket of the incidents reported in the period. */
  static Map<Milestone, Map<String, NavigableMap<Integer, Long>>> read(JdbcTemplate jdbc, MetricsPeriod period) {
    Map<Milestone, Map<String, NavigableMap<Integer, Long>>> histograms = new EnumMap<>(Milestone.class);
    for (Milestone milestone : Milestone.values()) {
      histograms.put(milestone, new TreeMap<>());
    }
    DayMonthCounts.reading(jdbc, TABLE, COLUMNS, COUNT).read(period, rs -> {
      histograms.get(Milestone.valueOf(rs.getString("milestone")))
          .computeIfAbsent(rs.getString("priority"), priority -> new TreeMap<>())
          .merge(rs.getInt("bucket"), rs.getInt("sign") * rs.getLong("n"), Long::sum);
    });
    for (Map<String, NavigableMap<Integer, Long>> perPriority : histograms.values()) {
      perPriority.values().forEach(buckets -> buckets.values().removeIf(n -> n == 0));
      perPriority.values().removeIf(NavigableMap::isEmpty);
    }
    return histograms;
  }

  private void count(Map<Key, Long> changes, ResultSet rs, int sign) throws SQLException {
    LocalDate day = MetricsPeriod.dayOf(rs.getObject("reported_at", LocalDateTime.class));
    String priority = rs.getString("priority");
    for (Milestone milestone : Milestone.values()) {
      long millis = rs.getLong(milestone.millisColumn());
      if (!rs.wasNull()) {
        counts.count(changes, day, List.of(milestone.name(), priority == null ? IncidentMetrics.NO_PRIORITY : priority,
            DurationBuckets.bucket(millis)), sign);
      }
    }
  }
}
