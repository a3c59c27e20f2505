package dev.omnivibe.engine.adapters.caffeine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.cache.CacheContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineCacheTest extends CacheContract {
  private final AtomicLong nanos = new AtomicLong();

  @Override
  protected Cache newCache() {
    return new CaffeineCache(1 << 20, nanos::get);
  }

  @Override
  protected void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void theByteBoundEvicts() {
    CaffeineCache small = new CaffeineCache(10_000, nanos::get);
    for (int i = 0; i < 100; i++) {
      small.put("k" + i, new byte[1000], Duration.ofMinutes(1));
    }
    long kept = 0;
    for (int i = 0; i < 100; i++) {
      kept += small.get("k" + i).isPresent() ? 1 : 0;
    }
    assertThat(kept).isLessThanOrEqualTo(10);
  }
}
