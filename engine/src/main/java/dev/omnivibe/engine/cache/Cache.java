package dev.omnivibe.engine.cache;

import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.adapters.redis.RedisCache;
import java.time.Duration;
import java.util.Optional;

/**
 * A byte cache with per-entry TTL and invalidation by glob pattern. Adapters: {@link CaffeineCache}
 * in process (default) and {@link RedisCache} when a Redis URI is configured; both pass the same
 * contract suite. A cache is an optimisation: adapters never throw on a backend outage, they miss
 * (and count the error) instead.
 */
public interface Cache extends AutoCloseable {

  Optional<byte[]> get(String key);

  /** Stores {@code value} for {@code ttl} (which must be positive). */
  void put(String key, byte[] value, Duration ttl);

  /**
   * Removes every key matching {@code glob} ({@code *} any run of characters, {@code ?} one
   * character, {@code [abc]} a class, {@code \} escapes, as in Redis) and returns how many.
   */
  long invalidate(String glob);

  /** {@code caffeine} or {@code redis}. */
  String backend();

  /** False while the backend cannot be reached. */
  boolean healthy();

  CacheStats stats();

  @Override
  void close();
}
