package com.incidentflow.metrics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts of the record kept per day of the incidents' report, per calendar month and per calendar year, in three
 * tables of the same shape: the day table keyed by {@code reported_on} and some columns of the figure, the month
 * table keyed by {@code reported_month} (its first day), the year table by {@code reported_year} (its first day),
 * each with the same columns and one count column. A period reads its whole years from the year rows, and only the
 * months and days at its edges from the month and day rows ({@link #plan}), so that a long period reads a few rows
 * per year instead of every row of the record. Time per step ({@link StepHistogram}), incidents per client
 * ({@link ClientCounts}) and the times to milestones ({@link TimeToCounts}) are kept this way.
 *
 * <p>Changes are applied in key order, so two transactions never wait for each other crosswise. Adding is
 * update-then-insert, portable between H2 and PostgreSQL: when two transactions insert the same new row at once
 * (two nodes), the loser's insert fails on the primary key inside a savepoint and it adds to the winner's row
 * instead. A row whose count drops to 0 is deleted.
 */
final class DayMonthCounts {

  /** The three tables: day rows, and the same counts per month and per year. */
  enum Level {
    DAY,
    MONTH,
    YEAR;

    /** The first day of the day's month or year (the day itself for {@link #DAY}). */
    LocalDate of(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case MONTH -> day.withDayOfMonth(1);
        case YEAR -> day.withDayOfYear(1);
      };
    }

    /** The first day after the day, month or year that begins on {@code start}. */
    LocalDate next(LocalDate start) {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case MONTH -> start.plusMonths(1);
        case YEAR -> start.plusYears(1);
      };
    }

    Level lower() {
      return values()[ordinal() - 1];
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
  private final Map<Level, String> tables = new java.util.EnumMap<>(Level.class);
  private final Map<Level, String> dayColumns = new java.util.EnumMap<>(Level.class);
  private final List<Level> levels;
  private final List<String> columns;
  private final String count;

  /**
   * Counts per day of the report ({@code <table>_day.reported_on}), per month ({@code <table>_month.reported_month})
   * and per year ({@code <table>_year.reported_year}).
   */
  DayMonthCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, String table, List<String> columns, String count) {
    this(jdbc, transactions, columns, count);
    add(Level.DAY, table + "_day", "reported_on");
    add(Level.MONTH, table + "_month", "reported_month");
    add(Level.YEAR, table + "_year", "reported_year");
  }

  /** Counts per day only ({@code dayColumn} of {@code dayTable}), for figures that need every day of a period anyway. */
  static DayMonthCounts daysOnly(JdbcTemplate jdbc, PlatformTransactionManager transactions, String dayTable, String dayColumn,
      List<String> columns, String count) {
    DayMonthCounts counts = new DayMonthCounts(jdbc, transactions, columns, count);
    counts.add(Level.DAY, dayTable, dayColumn);
    return counts;
  }

  /** To read only: the counts of {@code table}'s three levels (as above), without a transaction manager. */
  static DayMonthCounts reading(JdbcTemplate jdbc, String table, List<String> columns, String count) {
    return new DayMonthCounts(jdbc, null, table, columns, count);
  }

  private DayMonthCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<String> columns, String count) {
    this.jdbc = jdbc;
    this.savepoint = transactions == null ? null : new TransactionTemplate(transactions); // null: to read only
    if (savepoint != null) {
      savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }
    this.levels = new ArrayList<>();
    this.columns = List.copyOf(columns);
    this.count = count;
  }

  private void add(Level level, String table, String dayColumn) {
    tables.put(level, table);
    dayColumns.put(level, dayColumn);
    levels.add(level);
  }

  String table(Level level) {
    return tables.get(level);
  }

  String dayColumn(Level level) {
    return dayColumns.get(level);
  }

  /** Changes to collect with {@link #count} and apply with {@link #apply}: in key order. */
  static Map<Key, Long> changes() {
    return new TreeMap<>(ORDER);
  }

  /** Adds {@code sign} to the row of the day and to those of its month and year. */
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

  /**
   * Empties the day rows of the days {@code [from, to)} and the month rows of the months that begin in it; the year
   * rows stay as they are until {@link #sumYears}.
   */
  void clearDaysAndMonths(LocalDate from, LocalDate to) {
    for (Level level : levels) {
      if (level != Level.YEAR) {
        jdbc.update("DELETE FROM " + table(level) + " WHERE " + dayColumn(level) + " >= ? AND " + dayColumn(level) + " < ?", from, to);
      }
    }
  }

  /**
   * Writes every year row again as the sum of its months' rows, in one statement after emptying them: after counting
   * again month by month ({@link #clearDaysAndMonths}). A transaction that changes a count meanwhile changes its
   * month and year rows together, so it is either in the sum or applied to the new year row after it.
   */
  void sumYears() {
    if (!levels.contains(Level.YEAR)) {
      throw new IllegalStateException(table(Level.DAY) + " counts per day only: no years to sum");
    }
    String keys = String.join(", ", columns);
    jdbc.update("DELETE FROM " + table(Level.YEAR));
    jdbc.update("INSERT INTO " + table(Level.YEAR) + " (" + dayColumn(Level.YEAR) + ", " + keys + ", " + count + ")"
        + " SELECT CAST(DATE_TRUNC('YEAR', " + dayColumn(Level.MONTH) + ") AS DATE), " + keys + ", SUM(" + count + ") FROM "
        + table(Level.MONTH) + " GROUP BY CAST(DATE_TRUNC('YEAR', " + dayColumn(Level.MONTH) + ") AS DATE), " + keys);
  }

  /**
   * Counts again from the record's rows, month of report by month (one transaction each, so memory stays that of a
   * month's rows), then the years from the months: what the upgrade that adds counts to a record needs once.
   * {@code countMonth} adds the counts of the rows reported in {@code [from, to)}; the months are those of
   * {@code recordTable.reported_at}. Returns how many months.
   */
  int recount(TransactionTemplate transaction, String recordTable, BiConsumer<LocalDateTime, LocalDateTime> countMonth) {
    LocalDateTime first = jdbc.queryForObject("SELECT MIN(reported_at) FROM " + recordTable, LocalDateTime.class);
    LocalDateTime last = jdbc.queryForObject("SELECT MAX(reported_at) FROM " + recordTable, LocalDateTime.class);
    int months = 0;
    if (first != null) {
      for (LocalDate month = first.toLocalDate().withDayOfMonth(1); !month.isAfter(last.toLocalDate()); month = month.plusMonths(1)) {
        LocalDate from = month;
        LocalDate to = month.plusMonths(1);
        transaction.executeWithoutResult(status -> {
          clearDaysAndMonths(from, to);
          countMonth.accept(from.atStartOfDay(), to.atStartOfDay());
        });
        months++;
      }
    }
    transaction.executeWithoutResult(status -> sumYears());
    return months;
  }

  /** The sum of every row's count at the highest level (the year rows, with days only the day rows). */
  long total() {
    return jdbc.queryForObject("SELECT COALESCE(SUM(" + count + "), 0) FROM " + table(levels.get(levels.size() - 1)), Long.class);
  }

  /**
   * Per day of the period (with days only: each row handed to {@code rows} has the day as {@code on_day}, the key
   * columns and {@code n}).
   */
  void readDays(MetricsPeriod period, RowCallbackHandler rows) {
    String select = columns.stream().map(column -> "h." + column).collect(Collectors.joining(", "));
    String day = dayColumn(Level.DAY);
    jdbc.query("SELECT h." + day + " AS on_day, " + select + ", h." + count + " AS n FROM " + table(Level.DAY) + " h WHERE h." + day
        + " >= ? AND h." + day + " < ?", rows, period.from(), period.to().plusDays(1));
  }

  /**
   * The counts of a period, summed per key columns: each row handed to {@code rows} has those columns, {@code n} (the
   * sum of one range) and {@code sign} (1, or -1 for a range to take away). The caller adds {@code sign × n} per key;
   * a key whose sum is 0 had no rows in the period.
   */
  void read(MetricsPeriod period, RowCallbackHandler rows) {
    String select = columns.stream().map(column -> "h." + column).collect(Collectors.joining(", "));
    if (!levels.contains(Level.YEAR)) {
      throw new IllegalStateException(table(Level.DAY) + " counts per day only: read it with readDays");
    }
    for (Range range : plan(period.from(), period.to())) {
      String column = dayColumn(range.level());
      jdbc.query("SELECT " + select + ", SUM(h." + count + ") AS n, " + range.sign() + " AS sign FROM " + table(range.level())
              + " h WHERE h." + column + " >= ? AND h." + column + " < ? GROUP BY " + select,
          rows, range.from(), range.to());
    }
  }

  /**
   * Which rows make up the days {@code from}–{@code to} (inclusive): each whole year from its year row, each whole
   * month of a year the period covers only in part from its month row, the remaining days from their day rows. A
   * year (month) the period covers for more than half of its days is read as its row less the months and days
   * outside the period, which are fewer rows than those inside.
   */
  static List<Range> plan(LocalDate from, LocalDate to) {
    List<Range> plan = new ArrayList<>();
    LocalDate end = to.plusDays(1);
    if (from.isBefore(end)) {
      plan(plan, Level.YEAR, from, end, 1);
    }
    return merged(plan);
  }

  /** The days {@code [from, end)} at {@code level} and below, each counted {@code sign} times. */
  private static void plan(List<Range> plan, Level level, LocalDate from, LocalDate end, int sign) {
    if (level == Level.DAY) {
      plan.add(new Range(Level.DAY, from, end, sign));
      return;
    }
    for (LocalDate unit = level.of(from); unit.isBefore(end); unit = level.next(unit)) {
      LocalDate next = level.next(unit);
      LocalDate inFrom = unit.isBefore(from) ? from : unit;
      LocalDate inEnd = next.isAfter(end) ? end : next;
      long days = next.toEpochDay() - unit.toEpochDay();
      long inside = inEnd.toEpochDay() - inFrom.toEpochDay();
      if (inside == days) {
        plan.add(new Range(level, unit, next, sign));
      } else if (2 * inside > days) {
        plan.add(new Range(level, unit, next, sign));
        if (unit.isBefore(inFrom)) {
          plan(plan, level.lower(), unit, inFrom, -sign);
        }
        if (inEnd.isBefore(next)) {
          plan(plan, level.lower(), inEnd, next, -sign);
        }
      } else {
        plan(plan, level.lower(), inFrom, inEnd, sign);
      }
    }
  }

  /** Adjacent ranges of one level and sign as one, so that consecutive months (days) are read in one statement. */
  private static List<Range> merged(List<Range> plan) {
    List<Range> sorted = new ArrayList<>(plan);
    sorted.sort(Comparator.comparing(Range::level).reversed().thenComparing(Range::sign, Comparator.reverseOrder())
        .thenComparing(Range::from));
    List<Range> merged = new ArrayList<>();
    for (Range range : sorted) {
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.level() == range.level() && last.sign() == range.sign() && last.to().equals(range.from())) {
        merged.set(merged.size() - 1, new Range(range.level(), last.from(), range.to(), range.sign()));
      } else {
        merged.add(range);
      }
    }
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
