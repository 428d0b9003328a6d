package com.incidentflow.metrics;

import com.incidentflow.metrics.DayMonthCounts.Key;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Incidents reported and resolved per day, beside the record's incident rows: the weekly trend reads these counts
 * (two rows per day at most) instead of grouping every incident of the period by day. Table
 * {@code metrics_trend_day} (db/migration/common/V9__metrics_trend_day.sql, which also counts the incidents already in
 * the record): per day, {@code reported} is how many incidents' report time falls on it and {@code resolved} how many
 * incidents' resolution time (the first start of Announce resolution) does — the dates of
 * {@code metrics_incident.reported_at} and {@code resolved_at}.
 *
 * <p>Kept in the same transaction as the incident rows: a new incident counts on its report day
 * ({@link #reported}); a resolution time that is set or moved moves its count ({@link #resolvedMoved}); incidents derived or
 * forgotten whole add or take away both of their days ({@link #change}).
 */
class TrendCounts {

  static final String REPORTED = "reported";
  static final String RESOLVED = "resolved";

  private final JdbcTemplate jdbc;
  private final DayMonthCounts counts;

  TrendCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = table(jdbc, transactions);
  }

  private static DayMonthCounts table(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return DayMonthCounts.daysOnly(jdbc, transactions, "metrics_trend_day", "on_day", List.of("event"), "incidents");
  }

  /** A new incident's row was written (the live path). */
  void reported(LocalDateTime reportedAt) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    counts.count(changes, MetricsPeriod.dayOf(reportedAt), List.of(REPORTED), 1);
    counts.apply(changes);
  }

  /** Moves the count of a resolution from the day of {@code before} to that of {@code after} (either may be null). */
  void resolvedMoved(LocalDateTime before, LocalDateTime after) {
    LocalDate from = before == null ? null : MetricsPeriod.dayOf(before);
    LocalDate to = after == null ? null : MetricsPeriod.dayOf(after);
    if (java.util.Objects.equals(from, to)) {
      return;
    }
    Map<Key, Long> changes = DayMonthCounts.changes();
    if (from != null) {
      counts.count(changes, from, List.of(RESOLVED), -1);
    }
    if (to != null) {
      counts.count(changes, to, List.of(RESOLVED), 1);
    }
    counts.apply(changes);
  }

  /**
   * Adds (+1) or removes (-1) the counts of the incident rows {@code condition} selects (given the alias {@code m}),
   * except those whose ids are in {@code except}.
   */
  void change(int sign, Set<String> except, String condition, Object... parameters) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    jdbc.query("SELECT m.process_instance_id, m.reported_at, m.resolved_at FROM metrics_incident m WHERE " + condition,
        rs -> {
          if (except.contains(rs.getString("process_instance_id"))) {
            return;
          }
          counts.count(changes, MetricsPeriod.dayOf(rs.getObject("reported_at", LocalDateTime.class)), List.of(REPORTED), sign);
          LocalDateTime resolved = rs.getObject("resolved_at", LocalDateTime.class);
          if (resolved != null) {
            counts.count(changes, MetricsPeriod.dayOf(resolved), List.of(RESOLVED), sign);
          }
        },
        parameters);
    counts.apply(changes);
  }

  /** The ids of the incident rows {@code condition} selects (alias {@code m}). */
  Set<String> ids(String condition, Object... parameters) {
    return new HashSet<>(jdbc.queryForList("SELECT m.process_instance_id FROM metrics_incident m WHERE " + condition, String.class, parameters));
  }

  /** Per day of the period, the incidents reported (event {@link #REPORTED}) and resolved on it. */
  static void read(JdbcTemplate jdbc, MetricsPeriod period, BiConsumer<LocalDate, long[]> perDay) {
    table(jdbc, null).readDays(period, rs -> {
      long[] reportedResolved = new long[2];
      reportedResolved[RESOLVED.equals(rs.getString("event")) ? 1 : 0] = rs.getLong("n");
      perDay.accept(rs.getDate("on_day").toLocalDate(), reportedResolved);
    });
  }
}
