package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnivibe.api.ApiException;
import java.time.Duration;

/**
 * Remembers {@code Idempotency-Key}s for a day per caller, so a retried submission returns the job
 * it already created. Reusing a key for a different request is an error.
 */
public final class Idempotency {
  private record Seen(JsonNode request, String jobId) {}

  private final Cache<String, Seen> seen =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(24)).maximumSize(100_000).build();

  /** The job an identical earlier request made, or null. */
  String lookup(String caller, String key, JsonNode request) {
    check(key);
    Seen s = seen.getIfPresent(caller + "\n" + key);
    if (s == null) {
      return null;
    }
    if (!s.request().equals(request)) {
      throw new ApiException(
          422,
          "Idempotency key reused",
          "Idempotency-Key '" + key + "' was used for a different request");
    }
    return s.jobId();
  }

  void remember(String caller, String key, JsonNode request, String jobId) {
    seen.put(caller + "\n" + key, new Seen(request, jobId));
  }

  private static void check(String key) {
    if (key.isBlank() || key.length() > 255) {
      throw ApiException.badRequest("Idempotency-Key must be 1-255 characters");
    }
  }
}
