package dev.omnivibe.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Cache} adapter must do, run against its real backend. */
public abstract class CacheContract {
  protected Cache cache;

  protected abstract Cache newCache();

  /** Lets {@code d} pass for the cache's notion of time. */
  protected abstract void advance(Duration d) throws InterruptedException;

  @BeforeEach
  void open() {
    cache = newCache();
    cache.invalidate("*");
  }

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void storesAndReturnsBytes() {
    cache.put("k:1", new byte[] {1, 2, 3}, Duration.ofMinutes(1));
    assertThat(cache.get("k:1")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
    assertThat(cache.get("k:2")).isEmpty();
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.healthy()).isTrue();
  }

  @Test
  void entriesExpireAfterTheirOwnTtl() throws InterruptedException {
    cache.put("short", new byte[] {1}, Duration.ofMillis(300));
    cache.put("long", new byte[] {2}, Duration.ofMinutes(10));
    advance(Duration.ofMillis(600));
    assertThat(cache.get("short")).isEmpty();
    assertThat(cache.get("long")).isPresent();
  }

  @Test
  void aPutReplacesTheValue() {
    cache.put("k", new byte[] {1}, Duration.ofMinutes(1));
    cache.put("k", new byte[] {9, 9}, Duration.ofMinutes(1));
    assertThat(cache.get("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(9, 9));
  }

  @Test
  void invalidationByGlobRemovesOnlyMatchingKeys() {
    for (String k :
        new String[] {
          "http:/api/v1/jobs|a", "http:/api/v1/jobs/42|b", "http:/api/v1/queues|c", "other"
        }) {
      cache.put(k, new byte[] {1}, Duration.ofMinutes(1));
    }
    assertThat(cache.invalidate("http:/api/v1/jobs*")).isEqualTo(2);
    assertThat(cache.get("http:/api/v1/jobs|a")).isEmpty();
    assertThat(cache.get("http:/api/v1/queues|c")).isPresent();
    assertThat(cache.invalidate("http:/api/v1/queue?|[a-c]")).isEqualTo(1);
    assertThat(cache.get("other")).isPresent();
    assertThat(cache.invalidate("nothing*")).isZero();
  }

  @Test
  void manyKeysAreInvalidatedInPages() {
    for (int i = 0; i < 1200; i++) {
      cache.put("bulk:" + i, new byte[] {(byte) i}, Duration.ofMinutes(1));
    }
    assertThat(cache.invalidate("bulk:*")).isEqualTo(1200);
    assertThat(cache.get("bulk:7")).isEmpty();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> cache.put("k", new byte[0], Duration.ZERO))
        .hasMessageContaining("TTL");
    assertThatThrownBy(() -> cache.invalidate("a[b")).hasMessageContaining("unclosed");
  }
}
