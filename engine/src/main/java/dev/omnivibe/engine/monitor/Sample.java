package dev.omnivibe.engine.monitor;

import java.time.Instant;
import java.util.Map;

/** One recorded operation. */
public record Sample(
    String name,
    String category,
    double durationMs,
    Status status,
    Instant at,
    Map<String, ?> metadata) {}
