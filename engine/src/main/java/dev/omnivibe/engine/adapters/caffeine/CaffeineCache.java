package dev.omnivibe.engine.adapters.caffeine;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.cache.CacheStats;
import dev.omnivibe.engine.cache.Counters;
import dev.omnivibe.engine.cache.Glob;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The default cache: in process, bounded by bytes (keys plus values), per-entry TTL. */
public final class CaffeineCache implements Cache {
  private record Entry(byte[] value, long ttlNanos) {}

  private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
  private final Counters counters = new Counters();

  /**
   * @param ticker Caffeine's time source; tests pass one they advance
   */
  public CaffeineCache(long maxBytes, Ticker ticker) {
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, Entry e) -> k.length() * 2 + e.value().length + 64)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry e, long now) {
                    return e.ttlNanos();
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry e, long now, long current) {
                    return e.ttlNanos();
                  }

                  @Override
                  public long expireAfterRead(String key, Entry e, long now, long current) {
                    return current;
                  }
                })
            .ticker(ticker)
            // Evict on the caller's thread: the byte bound holds the moment put() returns.
            .executor(Runnable::run)
            .build();
  }

  public CaffeineCache(long maxBytes) {
    this(maxBytes, Ticker.systemTicker());
  }

  @Override
  public Optional<byte[]> get(String key) {
    Entry e = entries.getIfPresent(key);
    Optional<byte[]> result = Optional.ofNullable(e).map(Entry::value);
    return counters.count(result);
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache TTL must be positive, was " + ttl);
    }
    entries.put(key, new Entry(value, ttl.toNanos()));
  }

  @Override
  public long invalidate(String glob) {
    Pattern p = Glob.toRegex(glob);
    long[] removed = {0};
    entries
        .asMap()
        .keySet()
        .removeIf(
            k -> {
              boolean m = p.matcher(k).matches();
              removed[0] += m ? 1 : 0;
              return m;
            });
    return removed[0];
  }

  @Override
  public String backend() {
    return "caffeine";
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public CacheStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    entries.invalidateAll();
  }
}
