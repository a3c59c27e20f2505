package dev.omnivibe.engine.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Combines the progress of parallel steps into one percent, speed and ETA, weighting each step by
 * its share of the work, and throttles updates to the listener.
 */
final class ProgressTracker {
  private static final long MIN_INTERVAL_NANOS = 100_000_000L;
  private final double totalWeight;
  private final double videoSeconds;
  private final RenderListener listener;
  private final LongSupplier nanoTime;
  private final long started;
  private final Map<String, Double> done = new ConcurrentHashMap<>();
  private long lastEmit = Long.MIN_VALUE;
  private volatile String phase = "starting";

  ProgressTracker(
      double totalWeight, double videoSeconds, RenderListener listener, LongSupplier nanoTime) {
    this.totalWeight = totalWeight;
    this.videoSeconds = videoSeconds;
    this.listener = listener;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  void phase(String name) {
    phase = name;
    emit(false);
  }

  /** Records that {@code fraction} (0-1) of a step of the given weight is done. */
  void update(String step, double weight, double fraction) {
    done.put(step, weight * Math.max(0, Math.min(1, fraction)));
    emit(false);
  }

  void finish() {
    done.clear();
    done.put("all", totalWeight);
    phase = "done";
    emit(true);
  }

  double percent() {
    double sum = done.values().stream().mapToDouble(Double::doubleValue).sum();
    return totalWeight <= 0 ? 0 : Math.min(100, 100 * sum / totalWeight);
  }

  private synchronized void emit(boolean force) {
    long now = nanoTime.getAsLong();
    if (!force && lastEmit != Long.MIN_VALUE && now - lastEmit < MIN_INTERVAL_NANOS) {
      return;
    }
    lastEmit = now;
    double p = percent();
    double wall = (now - started) / 1e9;
    double speed = wall <= 0 ? 0 : videoSeconds * p / 100 / wall;
    double eta = p >= 100 ? 0 : p < 1 ? Double.NaN : wall * (100 - p) / p;
    listener.progress(new RenderProgress(p, speed, eta, phase));
  }
}
