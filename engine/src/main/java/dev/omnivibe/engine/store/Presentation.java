package dev.omnivibe.engine.store;

import java.time.Instant;

/**
 * A deck that was submitted, by content: the same slides and settings give the same id.
 *
 * @param id SHA-256 of the canonical deck with the hash of every input file
 */
public record Presentation(
    String id, String name, int slides, double durationSeconds, Instant createdAt) {}
