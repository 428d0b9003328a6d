package com.incidentflow.intake;

import java.time.Instant;
import java.util.List;

/** What the intake API answers about incidents. */
public final class IncidentViews {

  private IncidentViews() {}

  public record Created(String number, String processInstanceId, String location) {}

  public record Summary(
      String number,
      String title,
      String state,
      String priority,
      String reportSource,
      String eta,
      Instant reportedAt,
      Instant closedAt,
      String location) {}

  public record Page(List<Summary> incidents, int page, int size, long total) {}

  public record Step(
      String taskId, String key, String name, String assignee, List<String> candidateGroups, Instant created, String tasklist) {}

  public record Links(String self, String tasklist, String cockpit) {}

  /** How often monitoring reported this incident's alert group; null when no alert opened it. */
  public record AlertActivity(String groupKey, String status, int repeats, Instant firstSeen, Instant lastSeen) {}

  public record Details(
      String number,
      String title,
      String state,
      String priority,
      String reportSource,
      String reportedBy,
      Instant reportedAt,
      Instant closedAt,
      String occurredAt,
      String eta,
      String impactScope,
      List<String> affectedClients,
      List<Step> currentSteps,
      AlertActivity alert,
      Links links) {}
}
