package dev.omnivibe.engine.monitor;

import java.time.Instant;

/** One step of a report's time series, for charts. */
public record TimePoint(Instant start, OperationStats stats) {}
