package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.api.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

class MetricsPeriodTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  /** 23:30 on 30 November in UTC is already 1 December in Tokyo. */
  static final Date LATE_EVENING_UTC = Date.from(Instant.parse("2026-11-30T23:30:00Z"));

  @Test
  void shouldEndTodayInTheTeamsZoneWhateverZoneTheServerRunsIn() {
    assertThat(MetricsPeriod.of(null, null, LATE_EVENING_UTC, 90, TOKYO))
        .isEqualTo(new MetricsPeriod(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 12, 1)));
    assertThat(MetricsPeriod.of(null, null, LATE_EVENING_UTC, 1, ZoneId.of("UTC")).to()).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void shouldCountDefaultDaysBackFromAGivenEnd() {
    assertThat(MetricsPeriod.of(null, LocalDate.of(2026, 3, 31), LATE_EVENING_UTC, 31, TOKYO))
        .isEqualTo(new MetricsPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
  }

  @Test
  void shouldRefuseAPeriodEndingBeforeItStartsNamingTo() {
    assertThatThrownBy(() -> new MetricsPeriod(LocalDate.of(2031, 2, 1), LocalDate.of(2031, 1, 1)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("to"));
  }

  @Test
  void shouldRefuseAPeriodLongerThanThreeYearsNamingFrom() {
    LocalDate to = LocalDate.of(2031, 1, 1);

    assertThat(new MetricsPeriod(to.minusDays(MetricsPeriod.MAX_DAYS), to).from()).isEqualTo(to.minusDays(MetricsPeriod.MAX_DAYS));
    assertThatThrownBy(() -> new MetricsPeriod(to.minusDays(MetricsPeriod.MAX_DAYS + 1), to))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("from"));
  }
}
