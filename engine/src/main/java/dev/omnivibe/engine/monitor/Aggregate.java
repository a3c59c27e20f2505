package dev.omnivibe.engine.monitor;

import org.HdrHistogram.Histogram;

/** Buckets merged for one row of a report. */
final class Aggregate {
  private final Histogram micros = new Histogram(MinuteBucket.DIGITS);
  private long count;
  private long failures;
  private double sumMs;
  private double minMs = Double.POSITIVE_INFINITY;
  private double maxMs = Double.NEGATIVE_INFINITY;

  void merge(Histogram h, long n, long failed, double sum, double min, double max) {
    micros.add(h);
    count += n;
    failures += failed;
    sumMs += sum;
    minMs = Math.min(minMs, min);
    maxMs = Math.max(maxMs, max);
  }

  long count() {
    return count;
  }

  OperationStats stats() {
    if (count == 0) {
      return OperationStats.EMPTY;
    }
    return new OperationStats(
        count,
        failures,
        (count - failures) / (double) count,
        sumMs / count,
        minMs,
        maxMs,
        percentile(50),
        percentile(95),
        percentile(99));
  }

  private double percentile(double p) {
    // The histogram answers with its bucket's upper edge; keep it within what was seen.
    return Math.max(minMs, Math.min(maxMs, micros.getValueAtPercentile(p) / 1000.0));
  }
}
