package com.incidentflow.metrics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completed steps counted per step, day of the incident's report and duration bucket ({@link DurationBuckets}),
 * beside the record's step rows: time per step over a period reads these counts instead of sorting every
 * step's duration. Two tables of the same shape (db/migration/common/V7__metrics_step_day.sql):
 * {@code metrics_step_day}, one row per day, and {@code metrics_step_month}, the same counts summed per
 * calendar month, so that a long period reads its whole months from a few rows each and only the days at its
 * edges from the day rows.
 *
 * <p>The counts always equal those of the rows in {@code metrics_step}: every statement that adds or removes
 * step rows adds or removes their counts in the same transaction ({@link MetricsRecord}, {@link MetricsDerivation}).
 * A day is the date of the incident's report time as the record stores it — the days {@link MetricsPeriod}
 * selects by ({@link MetricsPeriod#dayOf}).
 *
 * <p>Adding is update-then-insert, portable between H2 and PostgreSQL: when two transactions insert the same new
 * row at once (two nodes completing steps), the loser's insert fails on the primary key inside a savepoint and
 * it adds to the winner's row instead. Rows are touched in key order, so two transactions never wait for each
 * other crosswise. A row whose count drops to 0 is deleted.
 */
class StepHistogram {

  /** The two tables: day rows, and the same counts per month (keyed by its first day). */
  enum Level {
    DAY("metrics_step_day", "reported_on"),
    MONTH("metrics_step_month", "reported_month");

    final String table;
    final String column;

    Level(String table, String column) {
      this.table = table;
      this.column = column;
    }

    LocalDate of(LocalDate day) {
      return this == DAY ? day : day.withDayOfMonth(1);
    }
  }

  /** One row of one of the tables. */
  record Key(Level level, LocalDate on, String step, int bucket) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::level).thenComparing(Key::on)
        .thenComparing(Key::step).thenComparingInt(Key::bucket);
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  StepHistogram(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** One completed step (the live path). */
  void add(LocalDateTime reportedAt, String step, Long durationMillis) {
    Map<Key, Long> counts = new TreeMap<>(Key.ORDER);
    count(counts, reportedAt, step, durationMillis, 1);
    change(counts);
  }

  /**
   * Adds (+1) or removes (-1) the counts of the step rows {@code condition} selects; the condition is given
   * the step rows' alias {@code s}.
   */
  void change(int sign, String condition, Object... parameters) {
    Map<Key, Long> counts = new TreeMap<>(Key.ORDER);
    jdbc.query("SELECT s.reported_at, s.step, s.duration_ms FROM metrics_step s WHERE " + condition,
        rs -> {
          long millis = rs.getLong("duration_ms");
          count(counts, rs.getObject("reported_at", LocalDateTime.class), rs.getString("step"), rs.wasNull() ? null : millis, sign);
        },
        parameters);
    change(counts);
  }

  /**
   * Whether the counts add up to the step rows, by two totals (the month rows are a few per step and month).
   * They do not after the upgrade that added the counts to a record that already had step rows.
   */
  boolean matchesSteps() {
    Long steps = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_step", Long.class);
    Long counted = jdbc.queryForObject("SELECT COALESCE(SUM(steps), 0) FROM " + Level.MONTH.table, Long.class);
    return steps.equals(counted);
  }

  /**
   * Counts the step rows again, month by month (one transaction each, so memory stays that of a month's
   * rows): what the upgrade to these tables needs once. Returns how many months.
   */
  int recount(TransactionTemplate transaction) {
    LocalDateTime first = jdbc.queryForObject("SELECT MIN(reported_at) FROM metrics_step", LocalDateTime.class);
    LocalDateTime last = jdbc.queryForObject("SELECT MAX(reported_at) FROM metrics_step", LocalDateTime.class);
    int months = 0;
    if (first != null) {
      for (LocalDate month = first.toLocalDate().withDayOfMonth(1); !month.isAfter(last.toLocalDate()); month = month.plusMonths(1)) {
        LocalDate from = month;
        LocalDate to = month.plusMonths(1);
        transaction.executeWithoutResult(status -> {
          jdbc.update("DELETE FROM " + Level.DAY.table + " WHERE " + Level.DAY.column + " >= ? AND " + Level.DAY.column + " < ?", from, to);
          jdbc.update("DELETE FROM " + Level.MONTH.table + " WHERE " + Level.MONTH.column + " = ?", from);
          change(+1, "s.reported_at >= ? AND s.reported_at < ?", from.atStartOfDay(), to.atStartOfDay());
        });
        months++;
      }
    }
    return months;
  }

  /**
   * Per step, the counts per bucket of the steps of incidents reported in the period: its whole months from
   * the month rows, the days before and after them from the day rows.
   */
  static Map<String, NavigableMap<Integer, Long>> read(JdbcTemplate jdbc, MetricsPeriod period) {
    LocalDate end = period.to().plusDays(1);
    LocalDate monthsFrom = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
    LocalDate monthsTo = end.withDayOfMonth(1);
    Map<String, NavigableMap<Integer, Long>> histograms = new TreeMap<>();
    if (monthsFrom.isBefore(monthsTo)) {
      read(jdbc, Level.MONTH, monthsFrom, monthsTo, histograms);
      read(jdbc, Level.DAY, period.from(), monthsFrom, histograms);
      read(jdbc, Level.DAY, monthsTo, end, histograms);
    } else {
      read(jdbc, Level.DAY, period.from(), end, histograms);
    }
    return histograms;
  }

  private static void read(JdbcTemplate jdbc, Level level, LocalDate from, LocalDate toExclusive, Map<String, NavigableMap<Integer, Long>> histograms) {
    if (!from.isBefore(toExclusive)) {
      return;
    }
    jdbc.query("SELECT h.step, h.bucket, SUM(h.steps) AS n FROM " + level.table + " h WHERE h." + level.column + " >= ? AND h."
            + level.column + " < ? GROUP BY h.step, h.bucket",
        rs -> {
          histograms.computeIfAbsent(rs.getString("step"), step -> new TreeMap<>()).merge(rs.getInt("bucket"), rs.getLong("n"), Long::sum);
        },
        from, toExclusive);
  }

  private static void count(Map<Key, Long> counts, LocalDateTime reportedAt, String step, Long durationMillis, long sign) {
    LocalDate day = MetricsPeriod.dayOf(reportedAt);
    int bucket = DurationBuckets.bucket(durationMillis);
    for (Level level : Level.values()) {
      counts.merge(new Key(level, level.of(day), step, bucket), sign, Long::sum);
    }
  }

  /** Applies the changes in key order: additions update or insert, removals update and delete rows left at 0. */
  private void change(Map<Key, Long> counts) {
    List<Key> added = new ArrayList<>();
    List<Key> removed = new ArrayList<>();
    counts.forEach((key, n) -> {
      if (n > 0) {
        added.add(key);
      } else if (n < 0) {
        removed.add(key);
      }
    });
    for (Level level : Level.values()) {
      List<Key> adding = added.stream().filter(key -> key.level() == level).toList();
      List<Key> missing = new ArrayList<>();
      int[] updated = update(level, adding, counts);
      for (int i = 0; i < adding.size(); i++) {
        if (updated[i] == 0) {
          missing.add(adding.get(i));
        }
      }
      insert(level, missing, counts);
      List<Key> removing = removed.stream().filter(key -> key.level() == level).toList();
      if (removing.isEmpty()) {
        continue;
      }
      update(level, removing, counts);
      jdbc.batchUpdate("DELETE FROM " + level.table + " WHERE " + level.column + " = ? AND step = ? AND bucket = ? AND steps <= 0",
          removing.stream().map(key -> new Object[] {key.on(), key.step(), key.bucket()}).toList());
    }
  }

  private int[] update(Level level, List<Key> keys, Map<Key, Long> counts) {
    if (keys.isEmpty()) {
      return new int[0];
    }
    return jdbc.batchUpdate("UPDATE " + level.table + " SET steps = steps + ? WHERE " + level.column + " = ? AND step = ? AND bucket = ?",
        keys.stream().map(key -> new Object[] {counts.get(key), key.on(), key.step(), key.bucket()}).toList());
  }

  /** New rows, all at once in a savepoint; if another transaction inserted one of them meanwhile, row by row. */
  private void insert(Level level, List<Key> keys, Map<Key, Long> counts) {
    if (keys.isEmpty()) {
      return;
    }
    try {
      savepoint.executeWithoutResult(status -> insertAll(level, keys, counts));
    } catch (DataIntegrityViolationException inserted) {
      for (Key key : keys) {
        try {
          savepoint.executeWithoutResult(status -> insertAll(level, List.of(key), counts));
        } catch (DataIntegrityViolationException insertedThisOne) {
          update(level, List.of(key), counts);
        }
      }
    }
  }

  private void insertAll(Level level, List<Key> keys, Map<Key, Long> counts) {
    jdbc.batchUpdate("INSERT INTO " + level.table + " (" + level.column + ", step, bucket, steps) VALUES (?, ?, ?, ?)",
        keys.stream().map(key -> new Object[] {key.on(), key.step(), key.bucket(), counts.get(key)}).toList());
  }
}
