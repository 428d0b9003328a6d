package com.incidentflow.metrics;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.process.Choices.Priority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The metrics report as Prometheus gauges on /actuator/prometheus. Labels are fixed (priorities of the
 * DMN, steps of the model) so series stay stable; values come from one report, reused for
 * {@code incident-flow.metrics.prometheus-refresh} so frequent scrapes do not each run the queries.
 */
@Component
public class IncidentMetricsGauges implements MeterBinder {

  public static final String OPEN = "incident_flow_open_incidents";
  public static final String OPEN_BY_STEP = "incident_flow_open_incidents_by_step";
  public static final String TIME_TO_ACKNOWLEDGE = "incident_flow_time_to_acknowledge_seconds";
  public static final String TIME_TO_MITIGATE = "incident_flow_time_to_mitigate_seconds";
  public static final String TIME_TO_RESOLVE = "incident_flow_time_to_resolve_seconds";
  public static final String TAG_PRIORITY = "priority";
  public static final String TAG_STEP = "step";
  public static final String TAG_QUANTILE = "quantile";
  static final String MEDIAN = "0.5";
  static final String P90 = "0.9";

  private final IncidentMetricsService metrics;
  private final MetricsProperties properties;
  private final TeamTime time;
  // Refresh age is wall-clock time: tests move the engine clock, which must not freeze or flood the cache.
  private final Clock wallClock = Clock.systemUTC();
  private volatile IncidentMetrics latest;
  private volatile Instant latestAt = Instant.EPOCH;

  private final Clock clock;

  public IncidentMetricsGauges(IncidentMetricsService metrics, MetricsProperties properties, TeamTime time, Clock clock) {
    this.time = time;
    this.clock = clock;
    this.metrics = metrics;
    this.properties = properties;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    List<String> priorities = new ArrayList<>();
    for (Priority priority : Priority.values()) {
      priorities.add(priority.name());
    }
    priorities.add(IncidentMetrics.NO_PRIORITY);
    for (String priority : priorities) {
      gauge(registry, OPEN, "Open incidents by priority", m -> count(m.openByPriority(), priority), TAG_PRIORITY, priority);
      durationGauges(registry, TIME_TO_ACKNOWLEDGE, "Report to the manager's judgement", IncidentMetrics::timeToAcknowledge, priority);
      durationGauges(registry, TIME_TO_MITIGATE, "Report to first response done (urgent incidents)", IncidentMetrics::timeToMitigate, priority);
      durationGauges(registry, TIME_TO_RESOLVE, "Report to resolution", IncidentMetrics::timeToResolve, priority);
    }
    for (String step : metrics.stepNames().keySet()) {
      gauge(registry, OPEN_BY_STEP, "Open incidents by current step",
          m -> m.openByStep().stream().filter(s -> s.step().equals(step)).mapToLong(IncidentMetrics.StepCount::count).sum(),
          TAG_STEP, step);
    }
  }

  /** Computes the figures now; the next scrape shows them. */
  public IncidentMetrics refresh() {
    latest = metrics.report(MetricsPeriod.of(null, null, java.util.Date.from(clock.instant()), properties.prometheusWindowDays(), time.zone()));
    latestAt = wallClock.instant();
    return latest;
  }

  private IncidentMetrics current() {
    if (latest == null || wallClock.instant().isAfter(latestAt.plus(properties.prometheusRefresh()))) {
      return refresh();
    }
    return latest;
  }

  private void durationGauges(
      MeterRegistry registry, String name, String description, Function<IncidentMetrics, List<DurationStats>> figures, String priority) {
    gauge(registry, name, description + ", median over the last window",
        m -> seconds(figures.apply(m), priority, DurationStats::medianSeconds), TAG_PRIORITY, priority, TAG_QUANTILE, MEDIAN);
    gauge(registry, name, description + ", 90th percentile over the last window",
        m -> seconds(figures.apply(m), priority, DurationStats::p90Seconds), TAG_PRIORITY, priority, TAG_QUANTILE, P90);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<IncidentMetrics> value, String... tags) {
    Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.current()))
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static double count(List<IncidentMetrics.Count> counts, String key) {
    return counts.stream().filter(c -> c.key().equals(key)).mapToLong(IncidentMetrics.Count::count).sum();
  }

  private static double seconds(List<DurationStats> stats, String priority, Function<DurationStats, Double> figure) {
    return stats.stream()
        .filter(s -> s.priority().equals(priority))
        .map(figure)
        .filter(v -> v != null)
        .findFirst()
        .orElse(Double.NaN);
  }
}
