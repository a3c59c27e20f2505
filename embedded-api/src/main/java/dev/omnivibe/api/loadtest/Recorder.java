package dev.omnivibe.api.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Collects measured requests: latency histograms (microseconds) overall and per step, codes, and
 * per step {ok, not ok, of which throttled}.
 */
final class Recorder {
  final Histogram all = new Histogram(3);
  final Map<String, Histogram> perStep = new LinkedHashMap<>();
  final Map<String, long[]> perStepCounts = new LinkedHashMap<>();

  /** Counts by status code; an array, since boxing a map entry per request costs more. */
  private final long[] statusCounts = new long[600];

  final Map<String, Long> errors = new TreeMap<>();
  long ok;
  long failed;
  long throttled;
  long firstStartNanos = Long.MAX_VALUE;
  long lastEndNanos = Long.MIN_VALUE;

  /**
   * @param status the HTTP status, or 0 when no response came (the error says why)
   */
  synchronized void record(String step, long startNanos, long endNanos, int status, String error) {
    long micros = Math.max(1, (endNanos - startNanos) / 1000);
    all.recordValue(micros);
    perStep.computeIfAbsent(step, k -> new Histogram(3)).recordValue(micros);
    boolean success = status >= 200 && status < 400;
    long[] c = perStepCounts.computeIfAbsent(step, k -> new long[3]);
    c[success ? 0 : 1]++;
    if (success) {
      ok++;
    } else {
      failed++;
    }
    // A 429 is the server's rate limit doing its job, not a fault: counted apart from errors.
    if (status == 429) {
      c[2]++;
      throttled++;
    }
    if (status > 0 && status < statusCounts.length) {
      statusCounts[status]++;
    } else {
      errors.merge(error, 1L, Long::sum);
    }
    firstStartNanos = Math.min(firstStartNanos, startNanos);
    lastEndNanos = Math.max(lastEndNanos, endNanos);
  }

  synchronized Map<Integer, Long> statuses() {
    Map<Integer, Long> out = new TreeMap<>();
    for (int s = 0; s < statusCounts.length; s++) {
      if (statusCounts[s] > 0) {
        out.put(s, statusCounts[s]);
      }
    }
    return out;
  }

  synchronized long count() {
    return ok + failed;
  }
}
