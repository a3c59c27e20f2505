package dev.omnivibe.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's time went, from the moment the launcher started: what a user waits for,
 * including the JVM's own start, and not only the render.
 */
final class PhaseClock {
  private final long originNanos;
  private final Map<String, Long> marks = new LinkedHashMap<>();

  private PhaseClock(long originNanos) {
    this.originNanos = originNanos;
  }

  /**
   * A clock whose zero is the launcher's start ({@code OMNIVIBE_LAUNCHED_NS}, nanoseconds since the
   * epoch, set by {@code ./omnivibe}), else the process's start as the system reports it (to the
   * nearest second or so on Linux), else now.
   */
  static PhaseClock sinceProcessStart() {
    long now = System.nanoTime();
    Instant launched = launched(System.getenv("OMNIVIBE_LAUNCHED_NS"));
    Instant start =
        launched != null ? launched : ProcessHandle.current().info().startInstant().orElse(null);
    long age = start == null ? 0 : Math.max(0, Duration.between(start, Instant.now()).toNanos());
    return new PhaseClock(now - age);
  }

  static Instant launched(String epochNanos) {
    try {
      long ns = Long.parseLong(epochNanos == null ? "" : epochNanos.trim());
      return Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Milliseconds from the process's start until now, under {@code phase}. */
  void mark(String phase) {
    markAt(phase, System.nanoTime());
  }

  /** Milliseconds from the process's start until {@code nanoTime}, under {@code phase}. */
  void markAt(String phase, long nanoTime) {
    marks.put(phase, (nanoTime - originNanos) / 1_000_000);
  }

  Map<String, Long> marks() {
    return Map.copyOf(marks);
  }
}
