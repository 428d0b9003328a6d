package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.metrics.DayMonthCounts.Level;
import com.incidentflow.metrics.DayMonthCounts.Range;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which day, month and year rows make up a period: each day of it exactly once, and no day outside it. */
class DayMonthCountsPlanTest {

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void shouldReadWholeMonthsFromTheMonthRowsInOneRange() {
    assertThat(DayMonthCounts.plan(day("2025-01-01"), day("2025-03-31")))
        .containsExactly(new Range(Level.MONTH, day("2025-01-01"), day("2025-04-01"), 1));
  }

  @Test
  void shouldReadAFewDaysOfAMonthFromTheDayRows() {
    assertThat(DayMonthCounts.plan(day("2026-11-03"), day("2026-11-09")))
        .containsExactly(new Range(Level.DAY, day("2026-11-03"), day("2026-11-10"), 1));
  }

  @Test
  void shouldReadWholeYearsFromTheYearRows() {
    assertThat(DayMonthCounts.plan(day("2024-01-01"), day("2025-12-31")))
        .containsExactly(new Range(Level.YEAR, day("2024-01-01"), day("2026-01-01"), 1));
  }

  @Test
  void shouldReadMostOfAYearAsTheYearLessTheMonthsAndDaysOutsideThePeriod() {
    // Two years ending today, as the report asks for them: December 2024 less its first day; 2025; 2026 less December,
    // which is read as its month row less the one day of it that is inside the period.
    assertThat(DayMonthCounts.plan(day("2024-12-02"), day("2026-12-01"))).containsExactlyInAnyOrder(
        new Range(Level.YEAR, day("2025-01-01"), day("2027-01-01"), 1),
        new Range(Level.MONTH, day("2024-12-01"), day("2025-01-01"), 1),
        new Range(Level.DAY, day("2024-12-01"), day("2024-12-02"), -1),
        new Range(Level.MONTH, day("2026-12-01"), day("2027-01-01"), -1),
        new Range(Level.DAY, day("2026-12-01"), day("2026-12-02"), 1));
  }

  @Test
  void shouldReadMostOfAMonthAsTheMonthLessTheDaysOutsideThePeriod() {
    assertThat(DayMonthCounts.plan(day("2026-09-03"), day("2026-12-01"))).containsExactlyInAnyOrder(
        new Range(Level.MONTH, day("2026-09-01"), day("2026-12-01"), 1),
        new Range(Level.DAY, day("2026-09-01"), day("2026-09-03"), -1),
        new Range(Level.DAY, day("2026-12-01"), day("2026-12-02"), 1));
    assertThat(DayMonthCounts.plan(day("2026-11-02"), day("2026-11-29"))).containsExactlyInAnyOrder(
        new Range(Level.MONTH, day("2026-11-01"), day("2026-12-01"), 1),
        new Range(Level.DAY, day("2026-11-01"), day("2026-11-02"), -1),
        new Range(Level.DAY, day("2026-11-30"), day("2026-12-01"), -1));
  }

  @Test
  void shouldReadNothingForAnEmptyPeriod() {
    assertThat(DayMonthCounts.plan(day("2026-11-10"), day("2026-11-09"))).isEmpty();
  }

  @Test
  void shouldCountEveryDayOfEveryPeriodOnceAndNoOtherDay() {
    LocalDate first = day("2023-01-01");
    for (int start = 0; start < 400; start += 11) {
      for (int length = 1; length < 1200; length += 7) {
        LocalDate from = first.plusDays(start);
        LocalDate to = from.plusDays(length - 1);
        Map<LocalDate, Integer> counted = new HashMap<>();
        List<Range> plan = DayMonthCounts.plan(from, to);
        for (Range range : plan) {
          if (range.level() == Level.MONTH) {
            assertThat(List.of(range.from().getDayOfMonth(), range.to().getDayOfMonth())).as("whole months: %s", range).containsOnly(1);
          }
          if (range.level() == Level.YEAR) {
            assertThat(List.of(range.from().getDayOfYear(), range.to().getDayOfYear())).as("whole years: %s", range).containsOnly(1);
          }
          for (LocalDate d = range.from(); d.isBefore(range.to()); d = d.plusDays(1)) {
            counted.merge(d, range.sign(), Integer::sum);
          }
        }
        for (LocalDate d = from.minusDays(370); d.isBefore(to.plusDays(370)); d = d.plusDays(1)) {
          int expected = d.isBefore(from) || d.isAfter(to) ? 0 : 1;
          assertThat(counted.getOrDefault(d, 0)).as("%s in %s..%s, plan %s", d, from, to, plan).isEqualTo(expected);
        }
        assertThat(plan.stream().filter(range -> range.level() == Level.DAY).mapToLong(r -> r.to().toEpochDay() - r.from().toEpochDay()).sum())
            .as("day rows read for %s..%s", from, to).isLessThanOrEqualTo(32);
        // At each end at most half a year of months, inside the period or outside it.
        assertThat(plan.stream().filter(range -> range.level() == Level.MONTH)
                .mapToLong(r -> (r.to().getYear() - r.from().getYear()) * 12L + r.to().getMonthValue() - r.from().getMonthValue()).sum())
            .as("month rows read for %s..%s", from, to).isLessThanOrEqualTo(12);
      }
    }
  }
}
