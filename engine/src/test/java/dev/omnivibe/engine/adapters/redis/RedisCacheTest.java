package dev.omnivibe.engine.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.cache.CacheContract;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.RedisServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisCacheTest extends CacheContract {
  @Override
  protected Cache newCache() {
    return new RedisCache(RedisServer.shared().uri(), Duration.ofMillis(500));
  }

  @Override
  protected void advance(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis()); // Redis keeps its own time
  }

  @Test
  void anOutageMissesQuietlyAndTheCacheReconnects() {
    try (RedisServer own = RedisServer.start();
        RedisCache c = new RedisCache(own.uri(), Duration.ofMillis(300))) {
      c.put("k", new byte[] {1}, Duration.ofMinutes(1));
      assertThat(c.get("k")).isPresent();
      own.stop();
      assertThat(c.get("k")).isEmpty();
      c.put("k2", new byte[] {2}, Duration.ofMinutes(1)); // no exception
      assertThat(c.invalidate("*")).isZero();
      assertThat(c.stats().errors()).isGreaterThanOrEqualTo(3);
      own.restart();
      // The server came back empty (no persistence); the cache works again by itself.
      Await.until(
          "reconnect",
          () -> {
            c.put("k3", new byte[] {3}, Duration.ofMinutes(1));
            return c.get("k3").isPresent();
          });
      assertThat(c.healthy()).isTrue();
    }
  }

  @Test
  void aRedisThatIsDownAtStartIsRetriedLater() {
    RedisServer own = RedisServer.start();
    own.stop();
    try (RedisCache c = new RedisCache(own.uri(), Duration.ofMillis(300))) {
      assertThat(c.healthy()).isFalse();
      assertThat(c.get("x")).isEqualTo(Optional.empty());
      own.restart();
      Await.until(
          "first connect",
          () -> {
            c.put("x", new byte[] {1}, Duration.ofMinutes(1));
            return c.get("x").isPresent();
          });
    } finally {
      own.close();
    }
  }
}
