package com.incidentflow.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The incident figures for one period, as the API, the Cockpit view and Prometheus show them.
 * Durations are in seconds; a median or p90 is absent when no incident reached the milestone.
 */
public record IncidentMetrics(
    LocalDate from,
    LocalDate to,
    Instant generatedAt,
    List<Count> openByPriority,
    List<StepCount> openByStep,
    List<OpenIncident> oldestOpen,
    List<DurationStats> timeToAcknowledge,
    List<DurationStats> timeToMitigate,
    List<DurationStats> timeToResolve,
    List<StepDurationStats> timePerStep,
    List<Count> incidentsPerClient,
    List<WeekTrend> weeklyTrend,
    SuspectedChanges suspectedChanges) {

  /** Open incidents without a priority yet (before the DMN decided it). */
  public static final String NO_PRIORITY = "none";

  public record Count(String key, long count) {}

  public record StepCount(String step, String name, long count) {}

  public record OpenIncident(
      String processInstanceId, String incidentNumber, String priority, Instant reportedAt, String cockpitPath) {}

  public record DurationStats(String priority, long count, Double medianSeconds, Double p90Seconds) {}

  public record StepDurationStats(String step, String name, long count, Double medianSeconds, Double p90Seconds) {}

  /**
   * Change failure signal: of the incidents reported in the period, how many had a recent change
   * marked as suspected on "Confirm the situation".
   */
  public record SuspectedChanges(long reported, long withSuspectedChange) {}

  /** Week starting on Monday: incidents reported and resolved in it. */
  public record WeekTrend(LocalDate weekStart, long reported, long resolved) {}
}
