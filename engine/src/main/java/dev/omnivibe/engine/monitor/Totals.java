package dev.omnivibe.engine.monitor;

import org.HdrHistogram.Histogram;

/** Cumulative figures for one operation since start, with a histogram for quantiles. */
public final class Totals {
  private final String category;
  private final String operation;
  private final Histogram micros = new Histogram(MinuteBucket.DIGITS);
  private long count;
  private long failures;
  private double sumMs;

  Totals(String category, String operation) {
    this.category = category;
    this.operation = operation;
  }

  synchronized void add(double ms, boolean failed) {
    micros.recordValue(Math.max(0, Math.round(ms * 1000)));
    count++;
    failures += failed ? 1 : 0;
    sumMs += ms;
  }

  public String category() {
    return category;
  }

  public String operation() {
    return operation;
  }

  public synchronized long count() {
    return count;
  }

  public synchronized long failures() {
    return failures;
  }

  public synchronized double sumMs() {
    return sumMs;
  }

  /** The value at a percentile (0-100), in milliseconds. */
  public synchronized double percentileMs(double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
