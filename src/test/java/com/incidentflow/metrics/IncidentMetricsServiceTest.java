package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.metrics.IncidentMetrics.Count;
import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.metrics.IncidentMetrics.StepCount;
import com.incidentflow.metrics.IncidentMetrics.WeekTrend;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Exact figures on a known history (see {@link MetricsHistory}); PERCENTILE_CONT interpolates linearly. */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class IncidentMetricsServiceTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;

  @Autowired ProcessEngine engine;
  @Autowired IncidentMetricsService metrics;

  @Test
  void shouldReportMedianAndP90TimeToAcknowledgePerPriority() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // P1: 10, 20, 40 min -> median 20; p90 at rank 1.8 = 20 + 0.8 * (40 - 20) = 36 min.
    assertThat(report.timeToAcknowledge()).containsExactly(
        new DurationStats("P1", 3, 20 * MINUTE, 36 * MINUTE),
        new DurationStats("P3", 1, 30 * MINUTE, 30 * MINUTE));
  }

  @Test
  void shouldReportMedianAndP90TimeToMitigateForUrgentIncidentsOnly() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // 60, 90, 120 min -> median 90, p90 = 90 + 0.8 * 30 = 114 min; the P3 incident never needs a first response.
    assertThat(report.timeToMitigate()).containsExactly(new DurationStats("P1", 3, 90 * MINUTE, 114 * MINUTE));
  }

  @Test
  void shouldReportMedianTimeToResolvePerPriority() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // 5, 6, 10 h -> median 6 h, p90 = 6 + 0.8 * 4 = 9.2 h; the open P3 incident is not resolved.
    assertThat(report.timeToResolve()).containsExactly(new DurationStats("P1", 3, 6 * HOUR, 9.2 * HOUR));
  }

  @Test
  void shouldReportMedianAndP90TimePerStep() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    Map<String, IncidentMetrics.StepDurationStats> steps =
        report.timePerStep().stream().collect(Collectors.toMap(IncidentMetrics.StepDurationStats::step, Function.identity()));
    // First response opens at the judgement and closes at mitigation: 50, 70, 80 min -> p90 = 70 + 0.8 * 10.
    assertThat(steps.get(Tasks.FIRST_RESPONSE))
        .isEqualTo(new IncidentMetrics.StepDurationStats(Tasks.FIRST_RESPONSE, "First response (一次対応)", 3, 70 * MINUTE, 78 * MINUTE));
    // Judge importance of all four incidents is completed the moment it opens; the open P3 is still investigating.
    assertThat(steps.get(Tasks.JUDGE_IMPORTANCE).count()).isEqualTo(4);
    assertThat(steps.get(Tasks.JUDGE_IMPORTANCE).medianSeconds()).isZero();
    assertThat(steps.get(Tasks.INVESTIGATE).count()).isEqualTo(3);
    assertThat(report.timePerStep().get(0).step()).as("steps in model order").isEqualTo(Tasks.CONFIRM_SITUATION);
  }

  @Test
  void shouldCountIncidentsPerConfirmedOrReportedClient() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // Two confirmed Acme incidents plus the open one whose report names Acme; Globex once.
    assertThat(report.incidentsPerClient()).containsExactly(new Count("Acme Corp", 3), new Count("Globex", 1));
  }

  @Test
  void shouldShowReportedAndResolvedIncidentsPerWeek() {
    MetricsHistory history = new MetricsHistory(engine);

    IncidentMetrics report = metrics.report(history.period());

    assertThat(report.weeklyTrend()).containsExactly(
        new WeekTrend(history.monday, 3, 3),
        new WeekTrend(history.monday.plusWeeks(1), 1, 0));
  }

  @Test
  void shouldCountOpenIncidentsByPriorityAndCurrentStep() {
    List<Count> openBefore = metrics.openByPriority();
    List<StepCount> stepsBefore = metrics.openByStep(Map.of());

    MetricsHistory history = new MetricsHistory(engine);

    // Open figures are about now, whatever the period: only the P3 incident stays open, in the investigation.
    assertThat(count(metrics.openByPriority(), "P3") - count(openBefore, "P3")).isEqualTo(1);
    assertThat(count(metrics.openByPriority(), "P1") - count(openBefore, "P1")).isZero();
    assertThat(stepCount(metrics.openByStep(Map.of()), Tasks.INVESTIGATE) - stepCount(stepsBefore, Tasks.INVESTIGATE)).isEqualTo(1);
    assertThat(stepCount(metrics.openByStep(Map.of()), Tasks.WRAP_UP) - stepCount(stepsBefore, Tasks.WRAP_UP)).isZero();
    assertThat(metrics.oldestOpen())
        .anySatisfy(open -> {
          assertThat(open.processInstanceId()).isEqualTo(history.openP3.getId());
          assertThat(open.priority()).isEqualTo("P3");
          assertThat(open.incidentNumber()).isEqualTo(history.openP3.getBusinessKey());
          assertThat(open.cockpitPath()).isEqualTo("#/process-instance/" + history.openP3.getId() + "/runtime");
        });
  }

  private static long count(List<Count> counts, String key) {
    return counts.stream().filter(c -> c.key().equals(key)).mapToLong(Count::count).sum();
  }

  private static long stepCount(List<StepCount> counts, String step) {
    return counts.stream().filter(c -> c.step().equals(step)).mapToLong(StepCount::count).sum();
  }
}
