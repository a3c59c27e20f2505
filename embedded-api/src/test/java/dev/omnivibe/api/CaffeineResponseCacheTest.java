package dev.omnivibe.api;

import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import org.junit.jupiter.api.BeforeAll;

class CaffeineResponseCacheTest extends ResponseCacheContract {
  @BeforeAll
  static void open() {
    start(new CaffeineCache(16 << 20));
  }
}
