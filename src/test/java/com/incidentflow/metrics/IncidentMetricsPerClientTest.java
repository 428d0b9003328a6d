package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** When incidents per client reads its tables whole on H2: the period covers more than half of the record's time. */
class IncidentMetricsPerClientTest {

  private static final Timestamp FIRST = Timestamp.valueOf(LocalDateTime.of(2024, 12, 2, 9, 0));
  private static final Timestamp LAST = Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 17, 0));

  @Test
  void shouldScanForAPeriodOverTheWholeRecord() {
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2024, 12, 2), LocalDate.of(2026, 12, 1)), FIRST, LAST)).isTrue();
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)), FIRST, LAST)).isTrue();
  }

  @Test
  void shouldScanForAPeriodOverMoreThanHalfOfTheRecord() {
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2025, 10, 1), LocalDate.of(2027, 1, 31)), FIRST, LAST)).isTrue();
  }

  @Test
  void shouldUseTheIndexForASmallPartOfTheRecord() {
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 12, 1)), FIRST, LAST)).isFalse();
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2024, 12, 2), LocalDate.of(2025, 10, 1)), FIRST, LAST)).isFalse();
  }

  @Test
  void shouldUseTheIndexOutsideTheRecordAndOnAnEmptyOne() {
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31)), FIRST, LAST)).isFalse();
    assertThat(IncidentMetricsService.coversMostOf(new MetricsPeriod(LocalDate.of(2024, 12, 2), LocalDate.of(2026, 12, 1)), null, null)).isFalse();
  }
}
