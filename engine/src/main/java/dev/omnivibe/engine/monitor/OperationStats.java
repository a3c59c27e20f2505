package dev.omnivibe.engine.monitor;

/**
 * Timings of one operation (or of a whole category) over a report window. Times in milliseconds;
 * percentiles come from HdrHistograms with two significant digits (within 1%).
 *
 * @param successRate 0-1; NaN when nothing was recorded
 */
public record OperationStats(
    long count,
    long failures,
    double successRate,
    double avgMs,
    double minMs,
    double maxMs,
    double p50Ms,
    double p95Ms,
    double p99Ms) {

  public static final OperationStats EMPTY =
      new OperationStats(
          0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
