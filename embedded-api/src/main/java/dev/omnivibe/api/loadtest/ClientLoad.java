package dev.omnivibe.api.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The client's own account of a run, so that a figure limited by the tester is not read as the
 * server's: how busy its busiest I/O thread was, how late its sender was against the schedule (open
 * model), and whether it reached the rate it was asked for. wrk2 and k6 warn in the same way.
 */
final class ClientLoad {
  /** An event-loop thread busier than this is taken to be the limit. */
  static final double BUSY = 0.85;

  /**
   * The open model's sender is late when its p99 lag passes this (microseconds) and four periods of
   * the asked rate: a single scheduler hiccup on a busy machine is not a saturated client.
   */
  static final long LATE_MICROS = 5_000;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Histogram senderLag = new Histogram(3);
  private long started;
  private long ended;
  private long waitedForConnection;
  private double busiestLoop;

  void start() {
    started = System.nanoTime();
  }

  /** Reads the I/O threads' CPU time once the run is over. */
  void end(List<Thread> loops) {
    ended = System.nanoTime();
    long wall = Math.max(1, ended - started);
    for (Thread t : loops) {
      long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(t.getId()) : -1;
      if (cpu > 0) {
        busiestLoop = Math.max(busiestLoop, cpu / (double) wall);
      }
    }
  }

  /** The open model's sender reached a request {@code lateNanos} after its intended time. */
  void sent(long lateNanos) {
    senderLag.recordValue(Math.max(0, lateNanos / 1000));
  }

  /** A request found every connection busy and queued for one (its latency still counts). */
  void waited() {
    waitedForConnection++;
  }

  double busiestLoop() {
    return busiestLoop;
  }

  double senderLagP99Ms() {
    return senderLag.getTotalCount() == 0 ? 0 : senderLag.getValueAtPercentile(99) / 1000.0;
  }

  long waitedForConnection() {
    return waitedForConnection;
  }

  /** Why the figures may describe the client, or an empty list when it kept up. */
  List<String> saturation(double requestedRate, double achievedRate) {
    List<String> why = new ArrayList<>();
    if (busiestLoop >= BUSY) {
      why.add(
          String.format(
              Locale.ROOT, "an I/O thread was busy %.0f%% of the run", busiestLoop * 100));
    }
    double lateMicros =
        requestedRate > 0 ? Math.max(LATE_MICROS, 4e6 / requestedRate) : Double.MAX_VALUE;
    if (senderLagP99Ms() * 1000 > lateMicros) {
      why.add(
          String.format(
              Locale.ROOT,
              "the sender ran late against its schedule (p99 %.1f ms)",
              senderLagP99Ms()));
    }
    if (requestedRate > 0 && achievedRate < 0.95 * requestedRate) {
      why.add(
          String.format(
              Locale.ROOT,
              "achieved %.0f of %.0f req/s asked for%s",
              achievedRate,
              requestedRate,
              waitedForConnection > 0
                  ? " (" + waitedForConnection + " requests waited for a free connection)"
                  : ""));
    }
    return why;
  }
}
