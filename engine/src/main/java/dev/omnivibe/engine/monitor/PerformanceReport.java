package dev.omnivibe.engine.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the monitor measured in one category over a window.
 *
 * @param category null when the report covers every category
 * @param operations per operation name, sorted by name
 * @param step width of each point of {@code series}
 * @param throughputPerMinute operations per minute over the window
 */
public record PerformanceReport(
    String category,
    Instant from,
    Instant to,
    OperationStats total,
    Map<String, OperationStats> operations,
    Duration step,
    List<TimePoint> series,
    double throughputPerMinute) {}
