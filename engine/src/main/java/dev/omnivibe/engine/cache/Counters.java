package dev.omnivibe.engine.cache;

import java.util.concurrent.atomic.LongAdder;

/** Hit, miss and error counts shared by the adapters. */
public final class Counters {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder errors = new LongAdder();

  /** A lookup that found nothing. */
  public void miss() {
    misses.increment();
  }

  /** A backend failure the cache answered as a miss. */
  public void error() {
    errors.increment();
  }

  public CacheStats snapshot() {
    return new CacheStats(hits.sum(), misses.sum(), errors.sum());
  }

  /** Counts a lookup as a hit or a miss and passes its result on. */
  public java.util.Optional<byte[]> count(java.util.Optional<byte[]> result) {
    (result.isPresent() ? hits : misses).increment();
    return result;
  }
}
