package dev.omnivibe.engine.monitor;

import dev.omnivibe.engine.store.MetricRollup;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** One minute of one operation: a histogram of microseconds plus exact count, sum, min, max. */
final class MinuteBucket {
  // Two significant digits keep a bucket to a few KB; percentiles stay within 1%.
  static final int DIGITS = 2;
  final String category;
  final String operation;
  final Instant minute;
  private final Histogram micros = new Histogram(DIGITS);
  private long count;
  private long failures;
  private double sumMs;
  private double minMs = Double.POSITIVE_INFINITY;
  private double maxMs = Double.NEGATIVE_INFINITY;
  private boolean dirty;

  MinuteBucket(String category, String operation, Instant minute) {
    this.category = category;
    this.operation = operation;
    this.minute = minute;
  }

  synchronized void add(double ms, boolean failed) {
    micros.recordValue(Math.max(0, Math.round(ms * 1000)));
    count++;
    failures += failed ? 1 : 0;
    sumMs += ms;
    minMs = Math.min(minMs, ms);
    maxMs = Math.max(maxMs, ms);
    dirty = true;
  }

  synchronized void addTo(Aggregate into) {
    into.merge(micros, count, failures, sumMs, minMs, maxMs);
  }

  /** The bucket as a roll-up if it changed since the last call, else null. */
  synchronized MetricRollup takeDirty() {
    if (!dirty) {
      return null;
    }
    dirty = false;
    return rollup();
  }

  synchronized void markDirty() {
    dirty = true;
  }

  synchronized MetricRollup rollup() {
    ByteBuffer buf = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
    int n = micros.encodeIntoCompressedByteBuffer(buf);
    byte[] bytes = new byte[n];
    buf.flip();
    buf.get(bytes);
    return new MetricRollup(
        category, operation, minute, count, failures, sumMs, minMs, maxMs, bytes);
  }

  static MinuteBucket of(MetricRollup r) {
    MinuteBucket b = new MinuteBucket(r.category(), r.operation(), r.minute());
    try {
      b.micros.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(r.histogram()), 0));
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("damaged histogram in " + r, e);
    }
    b.count = r.count();
    b.failures = r.failures();
    b.sumMs = r.sumMillis();
    b.minMs = r.minMillis();
    b.maxMs = r.maxMillis();
    return b;
  }
}
