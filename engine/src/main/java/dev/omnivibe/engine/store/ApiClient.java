package dev.omnivibe.engine.store;

import java.time.Instant;

/**
 * A caller of the HTTP API. Only a hash of its token is kept.
 *
 * @param lastUsedAt null until the first request
 */
public record ApiClient(
    String id, String name, String tokenHash, Instant createdAt, Instant lastUsedAt) {}
