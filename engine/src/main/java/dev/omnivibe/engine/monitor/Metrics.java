package dev.omnivibe.engine.monitor;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** A read-only view of the engine's timings, for reports, charts and exporters. */
public interface Metrics {
  /**
   * Statistics for one category (null for all) over the window that ends now, with a time series of
   * about 60-100 points.
   */
  PerformanceReport report(String category, Duration window);

  /** Every category that has data in memory. */
  List<String> categories();

  /** The most recent samples that carried metadata (renders, say), newest last. */
  List<Sample> recent(int limit);

  /** Running totals since this process started, per category and operation. */
  Collection<Totals> totals();

  /**
   * Passes every operation recorded from now on to {@code listener} as well, on the recording
   * thread, so an exporter can keep its own meters (histograms, say). A listener that throws is
   * logged and skipped; the recording stands.
   *
   * @return closing it stops the calls
   */
  AutoCloseable listen(Recorder listener);
}
