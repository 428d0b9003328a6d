package com.incidentflow.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts of the record kept per day of the incidents' report and per calendar month, in two tables of the same
 * shape: the day table keyed by {@code reported_on} and some columns of the figure, the month table keyed by
 * {@code reported_month} (its first day) and the same columns, each with one count column. A period reads its
 * whole months from the month rows and only the days at its edges from the day rows ({@link #plan}), so that a long
 * period reads a few rows per month instead of every row of the record. Time per step ({@link StepHistogram}) and
 * incidents per client ({@link ClientCounts}) are kept this way.
 *
 * <p>Changes are applied in key order, so two transactions never wait for each other crosswise. Adding is
 * update-then-insert, portable between H2 and PostgreSQL: when two transactions insert the same new row at once
 * (two nodes), the loser's insert fails on the primary key inside a savepoint and it adds to the winner's row
 * instead. A row whose count drops to 0 is deleted.
 */
final class DayMonthCounts {

  /** The two tables: day rows, and the same counts per month. */
  enum Level {
    DAY,
    MONTH;

    LocalDate of(LocalDate day) {
      return this == DAY ? day : day.withDayOfMonth(1);
    }
  }

  /** One row of one of the tables: its level, day (or month) and the values of the key columns, in their order. */
  record Key(Level level, LocalDate on, List<Object> values) {}

  /** Rows of a level over {@code [from, to)}, added ({@code sign} 1) or taken away (-1) from what a period reads. */
  record Range(Level level, LocalDate from, LocalDate to, int sign) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Key> ORDER = Comparator.comparing(Key::level).thenComparing(Key::on)
      .thenComparing(Key::values, (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int order = ((Comparable) a.get(i)).compareTo(b.get(i));
          if (order != 0) {
            return order;
          }
        }
        return 0;
      });

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final String dayTable;
  private final String monthTable;
  private final String dayColumn;
  private final String monthColumn;
  private final List<Level> levels;
  private final List<String> columns;
  private final String count;

  /** Counts per day of the report ({@code reported_on}) and per month ({@code reported_month}). */
  DayMonthCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, String dayTable, String monthTable, List<String> columns,
      String count) {
    this(jdbc, transactions, dayTable, "reported_on", monthTable, "reported_month", columns, count);
  }

  /** {@code monthTable} null: counts per day only, for figures that need every day of a period anyway. */
  DayMonthCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, String dayTable, String dayColumn, String monthTable,
      String monthColumn, List<String> columns, String count) {
    this.jdbc = jdbc;
    this.savepoint = transactions == null ? null : new TransactionTemplate(transactions); // null: to read only
    if (savepoint != null) {
      savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }
    this.dayTable = dayTable;
    this.monthTable = monthTable;
    this.dayColumn = dayColumn;
    this.monthColumn = monthColumn;
    this.levels = monthTable == null ? List.of(Level.DAY) : List.of(Level.DAY, Level.MONTH);
    this.columns = List.copyOf(columns);
    this.count = count;
  }

  String table(Level level) {
    return level == Level.DAY ? dayTable : monthTable;
  }

  String dayColumn(Level level) {
    return level == Level.DAY ? dayColumn : monthColumn;
  }

  /** Changes to collect with {@link #count} and apply with {@link #apply}: in key order. */
  static Map<Key, Long> changes() {
    return new TreeMap<>(ORDER);
  }

  /** Adds {@code sign} to the row of the day and to that of its month. */
  void count(Map<Key, Long> changes, LocalDate day, List<Object> values, long sign) {
    for (Level level : levels) {
      changes.merge(new Key(level, level.of(day), values), sign, Long::sum);
    }
  }

  /** Applies the changes in key order: additions update or insert, removals update and delete rows left at 0. */
  void apply(Map<Key, Long> changes) {
    List<Key> added = new ArrayList<>();
    List<Key> removed = new ArrayList<>();
    changes.forEach((key, n) -> {
      if (n > 0) {
        added.add(key);
      } else if (n < 0) {
        removed.add(key);
      }
    });
    for (Level level : levels) {
      List<Key> adding = added.stream().filter(key -> key.level() == level).toList();
      List<Key> missing = new ArrayList<>();
      int[] updated = update(level, adding, changes);
      for (int i = 0; i < adding.size(); i++) {
        if (updated[i] == 0) {
          missing.add(adding.get(i));
        }
      }
      insert(level, missing, changes);
      List<Key> removing = removed.stream().filter(key -> key.level() == level).toList();
      if (removing.isEmpty()) {
        continue;
      }
      update(level, removing, changes);
      jdbc.batchUpdate("DELETE FROM " + table(level) + " WHERE " + where(level) + " AND " + count + " <= 0",
          removing.stream().map(DayMonthCounts::keyValues).toList());
    }
  }

  /** Empties the rows of the days {@code [from, to)} and of the months that begin in it. */
  void clear(LocalDate from, LocalDate to) {
    for (Level level : levels) {
      jdbc.update("DELETE FROM " + table(level) + " WHERE " + dayColumn(level) + " >= ? AND " + dayColumn(level) + " < ?", from, to);
    }
  }

  /** The sum of every month row's count. */
  long total() {
    return jdbc.queryForObject("SELECT COALESCE(SUM(" + count + "), 0) FROM " + table(levels.get(levels.size() - 1)), Long.class);
  }

  /**
   * Per day of the period (with days only: each row handed to {@code rows} has the day as {@code on_day}, the key
   * columns and {@code n}).
   */
  void readDays(MetricsPeriod period, RowCallbackHandler rows) {
    String select = columns.stream().map(column -> "h." + column).collect(Collectors.joining(", "));
    jdbc.query("SELECT h." + dayColumn + " AS on_day, " + select + ", h." + count + " AS n FROM " + dayTable + " h WHERE h." + dayColumn
        + " >= ? AND h." + dayColumn + " < ?", rows, period.from(), period.to().plusDays(1));
  }

  /**
   * The counts of a period, summed per key columns: each row handed to {@code rows} has those columns, {@code n} (the
   * sum of one range) and {@code sign} (1, or -1 for a range to take away). The caller adds {@code sign × n} per key;
   * a key whose sum is 0 had no rows in the period.
   */
  void read(MetricsPeriod period, RowCallbackHandler rows) {
    String select = columns.stream().map(column -> "h." + column).collect(Collectors.joining(", "));
    if (monthTable == null) {
      throw new IllegalStateException(dayTable + " counts per day only: read it with readDays");
    }
    for (Range range : plan(period.from(), period.to())) {
      String column = dayColumn(range.level());
      jdbc.query("SELECT " + select + ", SUM(h." + count + ") AS n, " + range.sign() + " AS sign FROM " + table(range.level())
              + " h WHERE h." + column + " >= ? AND h." + column + " < ? GROUP BY " + select,
          rows, range.from(), range.to());
    }
  }

  /**
   * Which rows make up the days {@code from}–{@code to} (inclusive): the whole months from the month rows, a month
   * the period covers only in part from its days — or, when the period covers more than half of that month, from
   * the month row less the days outside the period, which are fewer rows.
   */
  static List<Range> plan(LocalDate from, LocalDate to) {
    LocalDate end = to.plusDays(1);
    if (end.isBefore(from.plusDays(1))) {
      return List.of();
    }
    LocalDate firstMonth = from.withDayOfMonth(1);
    LocalDate lastMonth = end.minusDays(1).withDayOfMonth(1);
    List<Range> plan = new ArrayList<>();
    if (firstMonth.equals(lastMonth)) {
      part(plan, firstMonth, from, end);
      return plan;
    }
    part(plan, firstMonth, from, firstMonth.plusMonths(1));
    if (firstMonth.plusMonths(1).isBefore(lastMonth)) {
      plan.add(new Range(Level.MONTH, firstMonth.plusMonths(1), lastMonth, 1));
    }
    part(plan, lastMonth, lastMonth, end);
    return merged(plan);
  }

  /** The days {@code [from, to)} of the month beginning on {@code month}. */
  private static void part(List<Range> plan, LocalDate month, LocalDate from, LocalDate to) {
    LocalDate next = month.plusMonths(1);
    long days = next.toEpochDay() - month.toEpochDay();
    long inside = to.toEpochDay() - from.toEpochDay();
    if (inside == days) {
      plan.add(new Range(Level.MONTH, month, next, 1));
    } else if (2 * inside > days) {
      plan.add(new Range(Level.MONTH, month, next, 1));
      if (month.isBefore(from)) {
        plan.add(new Range(Level.DAY, month, from, -1));
      }
      if (to.isBefore(next)) {
        plan.add(new Range(Level.DAY, to, next, -1));
      }
    } else {
      plan.add(new Range(Level.DAY, from, to, 1));
    }
  }

  /** Adjacent month ranges as one, so that a long period reads its months in one statement. */
  private static List<Range> merged(List<Range> plan) {
    List<Range> months = plan.stream().filter(range -> range.level() == Level.MONTH && range.sign() > 0)
        .sorted(Comparator.comparing(Range::from)).toList();
    List<Range> merged = new ArrayList<>();
    for (Range range : months) {
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.to().equals(range.from())) {
        merged.set(merged.size() - 1, new Range(Level.MONTH, last.from(), range.to(), 1));
      } else {
        merged.add(range);
      }
    }
    plan.stream().filter(range -> !(range.level() == Level.MONTH && range.sign() > 0)).forEach(merged::add);
    return Collections.unmodifiableList(merged);
  }

  private String where() {
    return "%s = ? AND " + columns.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
  }

  private String where(Level level) {
    return where().formatted(dayColumn(level));
  }

  private static Object[] keyValues(Key key) {
    List<Object> values = new ArrayList<>();
    values.add(key.on());
    values.addAll(key.values());
    return values.toArray();
  }

  private int[] update(Level level, List<Key> keys, Map<Key, Long> changes) {
    if (keys.isEmpty()) {
      return new int[0];
    }
    return jdbc.batchUpdate("UPDATE " + table(level) + " SET " + count + " = " + count + " + ? WHERE " + where(level),
        keys.stream().map(key -> {
          List<Object> values = new ArrayList<>();
          values.add(changes.get(key));
          values.addAll(List.of(keyValues(key)));
          return values.toArray();
        }).toList());
  }

  /** New rows, all at once in a savepoint; if another transaction inserted one of them meanwhile, row by row. */
  private void insert(Level level, List<Key> keys, Map<Key, Long> changes) {
    if (keys.isEmpty()) {
      return;
    }
    try {
      savepoint.executeWithoutResult(status -> insertAll(level, keys, changes));
    } catch (DataIntegrityViolationException inserted) {
      for (Key key : keys) {
        try {
          savepoint.executeWithoutResult(status -> insertAll(level, List.of(key), changes));
        } catch (DataIntegrityViolationException insertedThisOne) {
          update(level, List.of(key), changes);
        }
      }
    }
  }

  private void insertAll(Level level, List<Key> keys, Map<Key, Long> changes) {
    String names = dayColumn(level) + ", " + String.join(", ", columns) + ", " + count;
    String marks = String.join(", ", Collections.nCopies(columns.size() + 2, "?"));
    jdbc.batchUpdate("INSERT INTO " + table(level) + " (" + names + ") VALUES (" + marks + ")",
        keys.stream().map(key -> {
          List<Object> values = new ArrayList<>(List.of(keyValues(key)));
          values.add(changes.get(key));
          return values.toArray();
        }).toList());
  }
}
