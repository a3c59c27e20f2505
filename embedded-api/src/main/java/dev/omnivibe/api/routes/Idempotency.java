package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnivibe.api.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Remembers {@code Idempotency-Key}s for a day per token, so a retried submission returns the job
 * it already created. Requests with the same key that arrive together wait for the first one
 * instead of each creating a job. Reusing a key for a different request is an error.
 */
public final class Idempotency {
  private record Seen(JsonNode request, CompletableFuture<String> jobId) {}

  /** The job a keyed request stands for, and whether an earlier request made it. */
  record Outcome(String jobId, boolean replayed) {}

  private final Cache<String, Seen> seen =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(24)).maximumSize(100_000).build();

  /**
   * Runs {@code submit} once per caller and key; every other request with them gets its job.
   *
   * @throws ApiException 422 when the key was used for a different request
   */
  <E extends Exception> Outcome once(String caller, String key, JsonNode request, Submit<E> submit)
      throws E {
    check(key);
    String slot = caller + "\n" + key;
    CompletableFuture<String> mine = new CompletableFuture<>();
    Seen first = seen.asMap().putIfAbsent(slot, new Seen(request, mine));
    if (first == null) {
      try {
        String id = submit.run();
        mine.complete(id);
        return new Outcome(id, false);
      } catch (Exception e) {
        // A refused request made no job: the key is free for the corrected request.
        seen.asMap().remove(slot);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    if (!first.request().equals(request)) {
      throw new ApiException(
          422,
          "Idempotency key reused",
          "Idempotency-Key '" + key + "' was used for a different request");
    }
    try {
      return new Outcome(first.jobId().join(), true);
    } catch (CompletionException e) {
      // The first request with this key failed and freed it: this identical one tries afresh.
      return once(caller, key, request, submit);
    }
  }

  /** Makes the job; returns its id. */
  @FunctionalInterface
  interface Submit<E extends Exception> {
    String run() throws E;
  }

  private static void check(String key) {
    if (key.isBlank() || key.length() > 255) {
      throw ApiException.badRequest("Idempotency-Key must be 1-255 characters");
    }
  }
}
