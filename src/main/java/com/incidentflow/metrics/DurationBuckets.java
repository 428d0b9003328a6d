package com.incidentflow.metrics;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Logarithmic buckets of step durations, and percentiles read from counts per bucket (the histogram of
 * {@link StepHistogram}). Bucket {@code b >= 0} holds the durations {@code d} with
 * {@code 1.02^b <= d < 1.02^(b+1)} milliseconds and stands for its geometric midpoint {@code 1.02^(b+0.5)},
 * which differs from every duration in it by less than {@value #RELATIVE_ERROR_BOUND} of that duration
 * ({@code sqrt(1.02) - 1}). 0 ms has a bucket of its own that stands for exactly 0; a step whose duration is
 * unknown is counted in a bucket that no percentile reads.
 *
 * <p>Percentiles are {@code PERCENTILE_CONT}'s: the linear interpolation between the two values around rank
 * {@code p * (n - 1)}. With each of those two values off by less than the bound, so is their weighted mean:
 * any median or p90 read from the buckets is within {@value #RELATIVE_ERROR_BOUND} (relative) of the exact
 * one over the same durations. All arithmetic is {@link StrictMath}, so a bucket is the same on every JVM.
 */
final class DurationBuckets {

  /** Each bucket's upper bound is this factor times its lower bound. */
  static final double BASE = 1.02;

  /** {@code sqrt(BASE) - 1}, rounded up: the largest relative error of a bucket's value, and of a percentile. */
  static final double RELATIVE_ERROR_BOUND = 0.00996;

  /** 0 ms (the engine's duration of a step completed the moment it opened). */
  static final int ZERO = -1;

  /** A completed step whose duration the record does not know: counted, but in no percentile. */
  static final int UNKNOWN = -2;

  private static final double LOG_BASE = StrictMath.log(BASE);

  private DurationBuckets() {}

  static int bucket(Long millis) {
    if (millis == null) {
      return UNKNOWN;
    }
    if (millis <= 0) {
      return ZERO;
    }
    int bucket = (int) StrictMath.floor(StrictMath.log(millis) / LOG_BASE);
    // The quotient of two rounded logarithms may land one bucket off next to a boundary: settle it on the powers.
    while (bucket > 0 && StrictMath.pow(BASE, bucket) > millis) {
      bucket--;
    }
    while (StrictMath.pow(BASE, bucket + 1) <= millis) {
      bucket++;
    }
    return bucket;
  }

  /** The milliseconds a bucket stands for: its geometric midpoint, 0 for {@link #ZERO}. */
  static double millis(int bucket) {
    if (bucket == UNKNOWN) {
      throw new IllegalArgumentException("the unknown-duration bucket has no value");
    }
    return bucket == ZERO ? 0 : StrictMath.pow(BASE, bucket + 0.5);
  }

  /**
   * {@code PERCENTILE_CONT(fraction)} over the durations counted per bucket (in ascending bucket order),
   * each duration taken as its bucket's value; null when no known duration is counted.
   */
  static Double percentile(NavigableMap<Integer, Long> countsByBucket, double fraction) {
    Map<Integer, Long> known = countsByBucket.tailMap(ZERO, true);
    long n = known.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    double rank = fraction * (n - 1);
    long lowRank = (long) Math.floor(rank);
    long highRank = (long) Math.ceil(rank);
    double low = valueAt(known, lowRank);
    double high = highRank == lowRank ? low : valueAt(known, highRank);
    return low + (rank - lowRank) * (high - low);
  }

  /** The value of the duration at this 0-based rank. */
  private static double valueAt(Map<Integer, Long> known, long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : known.entrySet()) {
      seen += bucket.getValue();
      if (rank < seen) {
        return millis(bucket.getKey());
      }
    }
    throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " durations");
  }
}
