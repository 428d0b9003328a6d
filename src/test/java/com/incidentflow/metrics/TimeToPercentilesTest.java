package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.metrics.IncidentMetrics.DurationStats;
import com.incidentflow.metrics.IncidentMetricsService.Milliseconds;
import org.junit.jupiter.api.Test;

/** Median and p90 of the time-to figures, computed as SQL's PERCENTILE_CONT does (rank p × (n − 1), interpolated). */
class TimeToPercentilesTest {

  @Test
  void shouldInterpolateBetweenTheTwoValuesAroundTheRank() {
    Milliseconds millis = of(2_400_000, 600_000, 1_200_000); // 40, 10, 20 min, in any order

    // median: rank 1 -> 20 min; p90: rank 1.8 -> 20 + 0.8 * (40 - 20) = 36 min
    assertThat(millis.figure("P1")).contains(new DurationStats("P1", 3, 1200.0, 2160.0));
  }

  @Test
  void shouldTakeTheMeanOfTheMiddleTwoForAnEvenCount() {
    Milliseconds millis = of(4000, 1000, 3000, 2000);

    // median: rank 1.5 -> 2.5 s; p90: rank 2.7 -> 3 + 0.7 * 1 = 3.7 s
    assertThat(millis.percentile(0.5)).isEqualTo(2500.0);
    assertThat(millis.figure("P2").orElseThrow().p90Seconds()).isEqualTo(3.7);
  }

  @Test
  void shouldGiveTheOneValueForBothFiguresOfASingleIncident() {
    assertThat(of(90_000).figure("P3")).contains(new DurationStats("P3", 1, 90.0, 90.0));
  }

  @Test
  void shouldHaveNoFigureWhenNoIncidentReachedTheMilestone() {
    assertThat(new Milliseconds().figure("P4")).isEmpty();
  }

  @Test
  void shouldKeepEveryValueBeyondItsFirstCapacity() {
    Milliseconds millis = new Milliseconds();
    for (int i = 1000; i >= 0; i--) {
      millis.add(i);
    }

    // 0..1000: median 500, p90 at rank 900 -> 900
    assertThat(millis.figure("P1")).contains(new DurationStats("P1", 1001, 0.5, 0.9));
  }

  private static Milliseconds of(long... values) {
    Milliseconds millis = new Milliseconds();
    for (long value : values) {
      millis.add(value);
    }
    return millis;
  }
}
