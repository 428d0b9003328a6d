package com.incidentflow.metrics;

import com.incidentflow.localization.TeamTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/metrics?from=2026-01-01&to=2026-03-31 — days inclusive, both optional. Only managers and
 * incident-admins get here (the security filter chain of /api/metrics).
 */
@RestController
public class IncidentMetricsController {

  private final IncidentMetricsService metrics;
  private final MetricsProperties properties;
  private final TeamTime time;

  private final Clock clock;

  public IncidentMetricsController(IncidentMetricsService metrics, MetricsProperties properties, TeamTime time, Clock clock) {
    this.clock = clock;
    this.metrics = metrics;
    this.properties = properties;
    this.time = time;
  }

  @GetMapping(MetricsConfiguration.METRICS_PATH)
  public IncidentMetrics metrics(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return metrics.report(MetricsPeriod.of(from, to, Date.from(clock.instant()), properties.defaultPeriodDays(), time.zone()));
  }
}
