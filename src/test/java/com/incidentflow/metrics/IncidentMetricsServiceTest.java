package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.metrics.IncidentMetrics.Count;
import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.metrics.IncidentMetrics.StepCount;
import com.incidentflow.metrics.IncidentMetrics.WeekTrend;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures on a known history (see {@link MetricsHistory}); PERCENTILE_CONT interpolates linearly. Counts are exact;
 * medians and p90s of the times to milestones and of time per step are within
 * {@link DurationBuckets#RELATIVE_ERROR_BOUND} of the exact figures.
 */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class IncidentMetricsServiceTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;

  private static final AtomicInteger SPREADS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired IncidentMetricsService metrics;
  @Autowired MetricsRecord record;
  @Autowired MetricsDerivation derivation;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldReportMedianAndP90TimeToAcknowledgePerPriority() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // P1: 10, 20, 40 min -> median 20; p90 at rank 1.8 = 20 + 0.8 * (40 - 20) = 36 min.
    assertDurations(report.timeToAcknowledge(),
        new DurationStats("P1", 3, 20 * MINUTE, 36 * MINUTE),
        new DurationStats("P3", 1, 30 * MINUTE, 30 * MINUTE));
  }

  @Test
  void shouldReportMedianAndP90TimeToMitigateForUrgentIncidentsOnly() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // 60, 90, 120 min -> median 90, p90 = 90 + 0.8 * 30 = 114 min; the P3 incident never needs a first response.
    assertDurations(report.timeToMitigate(), new DurationStats("P1", 3, 90 * MINUTE, 114 * MINUTE));
  }

  @Test
  void shouldReportMedianTimeToResolvePerPriority() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    // 5, 6, 10 h -> median 6 h, p90 = 6 + 0.8 * 4 = 9.2 h; the open P3 incident is not resolved.
    assertDurations(report.timeToResolve(), new DurationStats("P1", 3, 6 * HOUR, 9.2 * HOUR));
  }

  @Test
  void shouldReportMedianAndP90TimePerStep() {
    IncidentMetrics report = metrics.report(new MetricsHistory(engine).period());

    Map<String, IncidentMetrics.StepDurationStats> steps =
        report.timePerStep().stream().collect(Collectors.toMap(IncidentMetrics.StepDurationStats::step, Function.identity()));
    // First response opens at the judgement and closes at mitigation: 50, 70, 80 min -> p90 = 70 + 0.8 * 10;
    // time per step is read from duration buckets, within 1 % of the exact figures (DurationBuckets).
    IncidentMetrics.StepDurationStats firstResponse = steps.get(Tasks.FIRST_RESPONSE);
    assertThat(firstResponse.name()).isEqualTo("First response (一次対応)");
    assertThat(firstResponse.count()).isEqualTo(3);
    assertThat(firstResponse.medianSeconds()).isCloseTo(70 * MINUTE, withinBound(70 * MINUTE));
    assertThat(firstResponse.p90Seconds()).isCloseTo(78 * MINUTE, withinBound(78 * MINUTE));
    assertThat(firstResponse.medianSeconds()).as("not the exact value by chance").isNotEqualTo(70 * MINUTE);
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

  @Test
  void shouldReadTimePerStepWithinTheBoundOfTheExactPercentilesOnASpreadOfDurations() {
    // Steps written as the engine's history events write them, on days of their own (2009), spread from
    // 0 ms to days and over the edges of months, so the period reads month rows and day rows.
    LocalDate first = LocalDate.of(2009, 1, 20).plusDays(40L * SPREADS.getAndIncrement());
    MetricsPeriod period = new MetricsPeriod(first.plusDays(3), first.plusDays(38));
    Random random = new Random(11);
    List<String> incidents = new ArrayList<>();
    for (int day = 0; day < 42; day++) {
      String incident = "spread-" + first + "-" + day;
      incidents.add(incident);
      jdbc.update("INSERT INTO metrics_incident (process_instance_id, reported_at, scope_confirmed) VALUES (?, ?, FALSE)",
          incident, first.plusDays(day).atTime(day % 24, 30));
      for (int i = 0; i < 25; i++) {
        long millis = i % 9 == 0 ? 0 : (long) Math.exp(random.nextDouble() * Math.log(2e8));
        record.recordStepCompleted(incident, incident + "-" + i, i % 2 == 0 ? "Spread_A" : "Spread_B", millis);
      }
    }
    try {
      Map<String, IncidentMetrics.StepDurationStats> read = metrics.timePerStep(period, Map.of()).stream()
          .collect(Collectors.toMap(IncidentMetrics.StepDurationStats::step, Function.identity()));
      List<Map<String, Object>> exact = jdbc.queryForList(
          "SELECT step, COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median,"
              + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90 FROM metrics_step"
              + " WHERE reported_at >= ? AND reported_at < ? GROUP BY step",
          period.from().atStartOfDay(), period.to().plusDays(1).atStartOfDay());

      assertThat(read).containsOnlyKeys("Spread_A", "Spread_B");
      assertThat(exact).hasSize(2).allSatisfy(row -> {
        IncidentMetrics.StepDurationStats step = read.get((String) row.get("STEP"));
        double median = ((Number) row.get("MEDIAN")).doubleValue() / 1000;
        double p90 = ((Number) row.get("P90")).doubleValue() / 1000;
        assertThat(step.count()).isEqualTo(((Number) row.get("N")).longValue()).isGreaterThan(300);
        assertThat(step.medianSeconds()).isCloseTo(median, withinBound(median));
        assertThat(step.p90Seconds()).isCloseTo(p90, withinBound(p90));
      });
    } finally {
      derivation.forget(incidents);
    }
    assertThat(metrics.timePerStep(period, Map.of())).as("forgetting the incidents takes their counts").isEmpty();
  }

  /** The same priorities in the same order with the same counts, and each median and p90 within the bound. */
  private static void assertDurations(List<DurationStats> actual, DurationStats... expected) {
    assertThat(actual).extracting(DurationStats::priority).containsExactly(
        java.util.Arrays.stream(expected).map(DurationStats::priority).toArray(String[]::new));
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i).count()).isEqualTo(expected[i].count());
      assertThat(actual.get(i).medianSeconds()).isCloseTo(expected[i].medianSeconds(), withinBound(expected[i].medianSeconds()));
      assertThat(actual.get(i).p90Seconds()).isCloseTo(expected[i].p90Seconds(), withinBound(expected[i].p90Seconds()));
    }
  }

  private static Offset<Double> withinBound(double exact) {
    return within(DurationBuckets.RELATIVE_ERROR_BOUND * exact);
  }

  private static long count(List<Count> counts, String key) {
    return counts.stream().filter(c -> c.key().equals(key)).mapToLong(Count::count).sum();
  }

  private static long stepCount(List<StepCount> counts, String step) {
    return counts.stream().filter(c -> c.step().equals(step)).mapToLong(StepCount::count).sum();
  }
}
