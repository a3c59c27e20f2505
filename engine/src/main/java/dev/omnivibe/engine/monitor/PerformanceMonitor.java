package dev.omnivibe.engine.monitor;

import dev.omnivibe.engine.store.MetricRollup;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how long operations take and reports percentiles per category and operation over a
 * window, with a time series for charts. Timings go into one HdrHistogram per category, operation
 * and minute; {@link #flush()} persists changed minutes to the store, so reports survive a restart.
 * Time comes from the injected clock.
 */
public final class PerformanceMonitor implements Metrics, Recorder {
  /** How far back reports can reach; older minutes are dropped. */
  public static final Duration RETENTION = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceMonitor.class);
  private static final int RECENT = 1000;
  private final Clock clock;
  private final Store store;
  private final Map<String, MinuteBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, MetricSeries>> series = new ConcurrentHashMap<>();
  private final Deque<Sample> recent = new ArrayDeque<>();
  private final List<Recorder> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param store where minute roll-ups are kept; null to keep them in memory only
   */
  public PerformanceMonitor(Clock clock, Store store) {
    this.clock = Objects.requireNonNull(clock);
    this.store = store;
  }

  /** Reads the persisted minutes of the retention window; call once at start. */
  public void load() {
    if (store == null) {
      return;
    }
    Instant now = clock.instant();
    for (MetricRollup r : store.rollups(now.minus(RETENTION), now.plus(Duration.ofMinutes(1)))) {
      buckets.put(r.key(), MinuteBucket.of(r));
    }
  }

  /** Records one finished operation. {@code metadata} is kept with the most recent samples. */
  @Override
  public void record(
      String name, String category, double durationMs, Status status, Map<String, ?> metadata) {
    if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
      throw new IllegalArgumentException("duration " + durationMs + " ms is not a valid time");
    }
    Instant now = clock.instant();
    long minute = Math.floorDiv(now.getEpochSecond(), 60) * 60;
    boolean failed = status == Status.ERROR;
    // Hot path (every API request): two map lookups, no string building, one short lock.
    MetricSeries series =
        this.series
            .computeIfAbsent(category, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(name, k -> new MetricSeries(new Totals(category, name)));
    MinuteBucket b = series.current;
    if (b == null || b.minute.getEpochSecond() != minute) {
      Instant m = Instant.ofEpochSecond(minute);
      b =
          buckets.computeIfAbsent(
              category + "\u0000" + name + "\u0000" + minute,
              k -> new MinuteBucket(category, name, m));
      series.current = b;
    }
    b.add(durationMs, failed);
    series.totals.add(durationMs, failed);
    if (!metadata.isEmpty()) {
      synchronized (recent) {
        if (recent.size() == RECENT) {
          recent.removeFirst();
        }
        recent.addLast(new Sample(name, category, durationMs, status, now, Map.copyOf(metadata)));
      }
    }
    for (Recorder l : listeners) {
      try {
        l.record(name, category, durationMs, status, metadata);
      } catch (RuntimeException e) {
        LOG.warn("a metrics listener failed on {}/{}: {}", category, name, e.toString());
      }
    }
  }

  @Override
  public AutoCloseable listen(Recorder listener) {
    listeners.add(Objects.requireNonNull(listener));
    return () -> listeners.remove(listener);
  }

  /** Runs {@code work}, recording its duration; an exception records an error and is rethrown. */
  public <T, E extends Exception> T track(String name, String category, TrackedWork<T, E> work)
      throws E {
    long start = System.nanoTime();
    Status status = Status.ERROR;
    try {
      T result = work.run();
      status = Status.SUCCESS;
      return result;
    } finally {
      record(name, category, (System.nanoTime() - start) / 1e6, status, Map.of());
    }
  }

  /**
   * Statistics for one category (null for all) over the window that ends now. The time series has
   * about 60-100 points: one per minute up to an hour, wider steps for longer windows.
   */
  @Override
  public PerformanceReport report(String category, Duration window) {
    Instant to = clock.instant();
    Instant from = to.minus(window);
    Duration step = stepFor(window);
    Aggregate total = new Aggregate();
    Map<String, Aggregate> ops = new TreeMap<>();
    Map<Instant, Aggregate> series = new TreeMap<>();
    long stepSeconds = step.getSeconds();
    Instant firstStep =
        Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), stepSeconds) * stepSeconds);
    for (Instant t = firstStep; t.isBefore(to); t = t.plus(step)) {
      series.put(t, new Aggregate());
    }
    for (MinuteBucket b : buckets.values()) {
      if (category != null && !category.equals(b.category)) {
        continue;
      }
      // A minute counts when any of it lies in the window.
      if (b.minute.plus(Duration.ofMinutes(1)).isAfter(from) && !b.minute.isAfter(to)) {
        b.addTo(total);
        b.addTo(ops.computeIfAbsent(b.operation, k -> new Aggregate()));
        Instant slot =
            Instant.ofEpochSecond(
                Math.floorDiv(b.minute.getEpochSecond(), stepSeconds) * stepSeconds);
        b.addTo(series.computeIfAbsent(slot, k -> new Aggregate()));
      }
    }
    Map<String, OperationStats> perOp = new TreeMap<>();
    ops.forEach((k, v) -> perOp.put(k, v.stats()));
    List<TimePoint> points = new ArrayList<>();
    series.forEach((t, a) -> points.add(new TimePoint(t, a.stats())));
    double minutes = Math.max(window.toMillis() / 60_000.0, 1.0 / 60);
    return new PerformanceReport(
        category, from, to, total.stats(), perOp, step, points, total.count() / minutes);
  }

  static Duration stepFor(Duration window) {
    long minutes = Math.max(1, window.toMinutes());
    if (minutes <= 60) {
      return Duration.ofMinutes(1);
    }
    long step = (minutes + 95) / 96;
    // Round to a step a chart axis reads well: 5, 10, 15, 30 minutes or whole hours.
    for (long nice : new long[] {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440}) {
      if (step <= nice) {
        return Duration.ofMinutes(nice);
      }
    }
    return Duration.ofDays(1);
  }

  /** Every category that has data in memory. */
  @Override
  public List<String> categories() {
    TreeSet<String> names = new TreeSet<>();
    buckets.values().forEach(b -> names.add(b.category));
    return new ArrayList<>(names);
  }

  /** The most recent samples that carried metadata (renders, say), newest last. */
  @Override
  public List<Sample> recent(int limit) {
    synchronized (recent) {
      List<Sample> all = new ArrayList<>(recent);
      return all.subList(Math.max(0, all.size() - limit), all.size());
    }
  }

  /** Running totals since this process started, per category and operation (for exporters). */
  @Override
  public Collection<Totals> totals() {
    return series.values().stream().flatMap(m -> m.values().stream()).map(x -> x.totals).toList();
  }

  /**
   * Writes the minutes that changed since the last flush and drops those past retention. A store
   * failure is logged and the minutes stay pending for the next flush.
   */
  public void flush() {
    Instant cutoff = clock.instant().minus(RETENTION);
    buckets.values().removeIf(b -> b.minute.isBefore(cutoff));
    if (store == null) {
      return;
    }
    List<MinuteBucket> changed = new ArrayList<>();
    List<MetricRollup> rollups = new ArrayList<>();
    for (MinuteBucket b : buckets.values()) {
      MetricRollup r = b.takeDirty();
      if (r != null) {
        changed.add(b);
        rollups.add(r);
      }
    }
    try {
      if (!rollups.isEmpty()) {
        store.saveRollups(rollups);
      }
      store.deleteRollupsBefore(cutoff);
    } catch (StoreException e) {
      changed.forEach(MinuteBucket::markDirty);
      LOG.warn("performance roll-ups not saved, will try again: {}", e.getMessage());
    }
  }
}
