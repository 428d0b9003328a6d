package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The bucket arithmetic of time per step, and the 1 % bound of its percentiles against the exact ones. */
class DurationBucketsTest {

  @Test
  void shouldKeepZeroAndUnknownDurationsApart() {
    assertThat(DurationBuckets.bucket(0L)).isEqualTo(DurationBuckets.ZERO);
    assertThat(DurationBuckets.bucket(null)).isEqualTo(DurationBuckets.UNKNOWN);
    assertThat(DurationBuckets.millis(DurationBuckets.ZERO)).isZero();
    assertThat(DurationBuckets.bucket(1L)).isZero();
    assertThat(DurationBuckets.percentile(histogram(0L, 0L, 0L), 0.9)).isZero();
  }

  @Test
  void shouldPutEveryDurationInTheBucketWhosePowersEncloseIt() {
    int previous = DurationBuckets.ZERO;
    for (long millis = 1; millis < 100_000_000_000L; millis = millis < 5000 ? millis + 1 : millis * 1001 / 1000) {
      int bucket = DurationBuckets.bucket(millis);
      assertThat(StrictMath.pow(DurationBuckets.BASE, bucket)).as("lower bound of %d ms", millis).isLessThanOrEqualTo(millis);
      assertThat(StrictMath.pow(DurationBuckets.BASE, bucket + 1)).as("upper bound of %d ms", millis).isGreaterThan(millis);
      assertThat(bucket).as("buckets grow with the duration").isGreaterThanOrEqualTo(previous);
      previous = bucket;
    }
  }

  @Test
  void shouldStandForEachDurationWithinTheBound() {
    assertThat(DurationBuckets.RELATIVE_ERROR_BOUND).isGreaterThanOrEqualTo(Math.sqrt(DurationBuckets.BASE) - 1).isLessThan(0.01);
    for (long millis = 1; millis < 100_000_000_000L; millis = millis < 5000 ? millis + 1 : millis * 1001 / 1000) {
      double value = DurationBuckets.millis(DurationBuckets.bucket(millis));
      assertThat(Math.abs(value - millis) / millis).as("%d ms stands as %f", millis, value).isLessThanOrEqualTo(DurationBuckets.RELATIVE_ERROR_BOUND);
    }
  }

  @Test
  void shouldInterpolateLikePercentileContBetweenBucketValues() {
    // 1000 ms three times and 4000 ms once: rank 0.9 * 3 = 2.7 lies between the third 1000 and the 4000.
    NavigableMap<Integer, Long> counts = histogram(1000L, 1000L, 1000L, 4000L);
    double thousand = DurationBuckets.millis(DurationBuckets.bucket(1000L));
    double fourThousand = DurationBuckets.millis(DurationBuckets.bucket(4000L));

    assertThat(DurationBuckets.percentile(counts, 0.5)).isEqualTo(thousand);
    assertThat(DurationBuckets.percentile(counts, 0.9)).isCloseTo(thousand + 0.7 * (fourThousand - thousand), within(1e-9));
  }

  @Test
  void shouldLeaveUnknownDurationsOutOfThePercentiles() {
    assertThat(DurationBuckets.percentile(histogram((Long) null), 0.5)).isNull();
    assertThat(DurationBuckets.percentile(histogram(null, null, 5000L), 0.5))
        .isEqualTo(DurationBuckets.millis(DurationBuckets.bucket(5000L)));
  }

  @Test
  void shouldGiveMedianAndP90WithinTheBoundOfTheExactOnesOnASpreadOfDurations() {
    Random random = new Random(7);
    for (int sample = 0; sample < 300; sample++) {
      int size = 1 + random.nextInt(sample < 100 ? 10 : 2000);
      List<Long> durations = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        // Zeros, seconds, hours and days: the durations of steps done at once up to fixes that take weeks.
        int kind = random.nextInt(10);
        durations.add(kind == 0 ? 0L : kind < 4 ? random.nextInt(60_000) : (long) Math.exp(random.nextDouble() * Math.log(3e9)));
      }
      NavigableMap<Integer, Long> counts = histogram(durations.toArray(Long[]::new));
      for (double fraction : new double[] {0.5, 0.9, 0.0, 1.0, 0.25}) {
        double exact = exactPercentile(durations, fraction);
        double read = DurationBuckets.percentile(counts, fraction);
        assertThat(Math.abs(read - exact)).as("p%s of %s", fraction, durations)
            .isLessThanOrEqualTo(DurationBuckets.RELATIVE_ERROR_BOUND * exact + 1e-9);
      }
    }
  }

  /** PERCENTILE_CONT as H2 and PostgreSQL compute it. */
  static double exactPercentile(List<Long> durations, double fraction) {
    long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
    double rank = fraction * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }

  static NavigableMap<Integer, Long> histogram(Long... durations) {
    NavigableMap<Integer, Long> counts = new TreeMap<>();
    Arrays.stream(durations).forEach(millis -> counts.merge(DurationBuckets.bucket(millis), 1L, Long::sum));
    return counts;
  }
}
