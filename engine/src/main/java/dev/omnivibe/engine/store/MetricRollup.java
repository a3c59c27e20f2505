package dev.omnivibe.engine.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One minute of one operation's timings, as persisted by the performance monitor.
 *
 * @param histogram an HdrHistogram of microseconds in its compressed encoding
 */
public record MetricRollup(
    String category,
    String operation,
    Instant minute,
    long count,
    long failures,
    double sumMillis,
    double minMillis,
    double maxMillis,
    byte[] histogram) {

  public String key() {
    return category + "\u0000" + operation + "\u0000" + minute.getEpochSecond();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricRollup r
        && key().equals(r.key())
        && count == r.count
        && failures == r.failures
        && sumMillis == r.sumMillis
        && minMillis == r.minMillis
        && maxMillis == r.maxMillis
        && Arrays.equals(histogram, r.histogram);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key(), count, failures);
  }

  @Override
  public String toString() {
    return "MetricRollup[" + category + "/" + operation + " @" + minute + " n=" + count + "]";
  }
}
