package com.incidentflow.metrics;

import com.incidentflow.metrics.DayMonthCounts.Key;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completed steps counted per step, day of the incident's report and duration bucket ({@link DurationBuckets}),
 * beside the record's step rows: time per step over a period reads these counts instead of sorting every
 * step's duration. Three tables of the same shape (db/migration/common/V7__metrics_step_day.sql and
 * V10__metrics_year_counts.sql): {@code metrics_step_day}, one row per day, and {@code metrics_step_month} and
 * {@code metrics_step_year}, the same counts summed per calendar month and year, so that a long period reads its
 * whole years from a few rows each and only the months and days at its edges from the others ({@link DayMonthCounts}).
 *
 * <p>The counts always equal those of the rows in {@code metrics_step}: every statement that adds or removes
 * step rows adds or removes their counts in the same transaction ({@link MetricsRecord}, {@link MetricsDerivation}).
 * A day is the date of the incident's report time as the record stores it — the days {@link MetricsPeriod}
 * selects by ({@link MetricsPeriod#dayOf}).
 */
class StepHistogram {

  private static final String TABLE = "metrics_step";
  private static final List<String> COLUMNS = List.of("step", "bucket");
  private static final String COUNT = "steps";

  private final JdbcTemplate jdbc;
  private final DayMonthCounts counts;

  StepHistogram(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = new DayMonthCounts(jdbc, transactions, TABLE, COLUMNS, COUNT);
  }

  /** One completed step (the live path). */
  void add(LocalDateTime reportedAt, String step, Long durationMillis) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    count(changes, reportedAt, step, durationMillis, 1);
    counts.apply(changes);
  }

  /**
   * Adds (+1) or removes (-1) the counts of the step rows {@code condition} selects; the condition is given
   * the step rows' alias {@code s}.
   */
  void change(int sign, String condition, Object... parameters) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    jdbc.query("SELECT s.reported_at, s.step, s.duration_ms FROM metrics_step s WHERE " + condition,
        rs -> {
          long millis = rs.getLong("duration_ms");
          count(changes, rs.getObject("reported_at", LocalDateTime.class), rs.getString("step"), rs.wasNull() ? null : millis, sign);
        },
        parameters);
    counts.apply(changes);
  }

  /**
   * Whether the counts add up to the step rows, by two totals (the month rows are a few per step and month).
   * They do not after the upgrade that added the counts to a record that already had step rows.
   */
  boolean matchesSteps() {
    Long steps = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_step", Long.class);
    return steps == counts.total();
  }

  /**
   * Counts the step rows again, month by month (one transaction each, so memory stays that of a month's
   * rows), then the years from the months: what the upgrade to these tables needs once. Returns how many months.
   */
  int recount(TransactionTemplate transaction) {
    return counts.recount(transaction, "metrics_step", (from, to) -> change(+1, "s.reported_at >= ? AND s.reported_at < ?", from, to));
  }

  /** Per step, the counts per bucket of the steps of incidents reported in the period (see {@link DayMonthCounts#plan}). */
  static Map<String, NavigableMap<Integer, Long>> read(JdbcTemplate jdbc, MetricsPeriod period) {
    Map<String, NavigableMap<Integer, Long>> histograms = new TreeMap<>();
    DayMonthCounts.reading(jdbc, TABLE, COLUMNS, COUNT).read(period, rs -> {
      histograms.computeIfAbsent(rs.getString("step"), step -> new TreeMap<>())
          .merge(rs.getInt("bucket"), rs.getInt("sign") * rs.getLong("n"), Long::sum);
    });
    histograms.values().forEach(buckets -> buckets.values().removeIf(n -> n == 0));
    histograms.values().removeIf(NavigableMap::isEmpty);
    return histograms;
  }

  private void count(Map<Key, Long> changes, LocalDateTime reportedAt, String step, Long durationMillis, long sign) {
    counts.count(changes, MetricsPeriod.dayOf(reportedAt), List.of(step, DurationBuckets.bucket(durationMillis)), sign);
  }
}
