package com.incidentflow.metrics;

import com.incidentflow.metrics.MetricsAccess.NotAllowedException;
import com.incidentflow.metrics.MetricsAccess.NotAuthenticatedException;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/metrics?from=2026-01-01&to=2026-03-31 — days inclusive, both optional. */
@RestController
public class IncidentMetricsController {

  private final IncidentMetricsService metrics;
  private final IdentityService identity;
  private final MetricsProperties properties;

  public IncidentMetricsController(IncidentMetricsService metrics, IdentityService identity, MetricsProperties properties) {
    this.metrics = metrics;
    this.identity = identity;
    this.properties = properties;
  }

  @GetMapping(MetricsConfiguration.METRICS_PATH)
  public IncidentMetrics metrics(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    MetricsAccess.require(identity.getCurrentAuthentication());
    return metrics.report(MetricsPeriod.of(from, to, ClockUtil.getCurrentTime(), properties.defaultPeriodDays()));
  }

  @ExceptionHandler(NotAuthenticatedException.class)
  ProblemDetail notAuthenticated(NotAuthenticatedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  @ExceptionHandler(NotAllowedException.class)
  ProblemDetail notAllowed(NotAllowedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badPeriod(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
