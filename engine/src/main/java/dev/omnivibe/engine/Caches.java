package dev.omnivibe.engine;

import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.adapters.redis.RedisCache;
import dev.omnivibe.engine.cache.Cache;
import java.time.Duration;

/** The response cache's adapters, chosen here so that callers see only the {@link Cache} port. */
public final class Caches {
  private Caches() {}

  /** In this process, bounded by size (Caffeine). */
  public static Cache local(long maxBytes) {
    return new CaffeineCache(maxBytes);
  }

  /**
   * Shared by the nodes on one Redis. While Redis is away it answers as a miss within {@code
   * timeout} and the caller works uncached.
   */
  public static Cache redis(String uri, Duration timeout) {
    return new RedisCache(uri, timeout);
  }
}
