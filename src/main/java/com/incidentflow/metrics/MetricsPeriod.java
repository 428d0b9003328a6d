package com.incidentflow.metrics;

import com.incidentflow.api.InvalidRequestException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * The days a report covers, both inclusive. The engine writes timestamps in the JVM's zone, so days
 * start at midnight in that zone.
 */
public record MetricsPeriod(LocalDate from, LocalDate to) {

  /** Longest period one request may ask for: keeps a careless query from scanning decades. */
  public static final int MAX_DAYS = 3 * 366;

  public MetricsPeriod {
    if (from.isAfter(to)) {
      throw InvalidRequestException.of("to", "must not be before from (" + from + "), not " + to);
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw InvalidRequestException.of("from", "must be at most " + MAX_DAYS + " days before to (" + to + "), not " + from);
    }
  }

  /**
   * {@code to} defaults to today (engine clock) in the team's zone — the day its people are living,
   * whatever zone the server runs in — {@code from} to {@code defaultDays} before it.
   */
  public static MetricsPeriod of(LocalDate from, LocalDate to, Date now, int defaultDays, ZoneId team) {
    LocalDate end = to != null ? to : LocalDate.ofInstant(now.toInstant(), team);
    LocalDate start = from != null ? from : end.minusDays(defaultDays - 1L);
    return new MetricsPeriod(start, end);
  }

  /**
   * The day a report time falls on, as the periods select: the date of the time as the record stores it
   * (the engine's timestamps, in the server's zone), so that {@code from <= dayOf(t) <= to} exactly when
   * {@code startInclusive() <= t < endExclusive()}. The day rows of time per step ({@link StepHistogram}) are keyed by it:
   * should periods ever select by other days, this changes with them and the steps are counted again
   * ({@link StepHistogram#recount}, which the start-up check runs only when the totals differ).
   */
  static LocalDate dayOf(LocalDateTime reportedAt) {
    return reportedAt.toLocalDate();
  }

  Timestamp startInclusive() {
    return Timestamp.valueOf(from.atStartOfDay());
  }

  Timestamp endExclusive() {
    return Timestamp.valueOf(to.plusDays(1).atStartOfDay());
  }
}
