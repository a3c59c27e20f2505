package dev.omnivibe.engine.store;

import java.time.Instant;

/**
 * A caller of the HTTP API. Only a hash of its token is kept.
 *
 * @param lastUsedAt null until the first request
 * @param role what the token may do ({@code operator} or {@code submitter}; the API defines them)
 * @param ratePerSecond its own request rate limit; null for its role's default
 */
public record ApiClient(
    String id,
    String name,
    String tokenHash,
    Instant createdAt,
    Instant lastUsedAt,
    String role,
    Double ratePerSecond) {

  public ApiClient {
    role = role == null || role.isBlank() ? "submitter" : role;
  }
}
