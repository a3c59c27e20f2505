package dev.omnivibe.engine.cache;

import java.util.concurrent.atomic.LongAdder;

/** Hit, miss and error counts shared by the adapters. */
final class Counters {
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder errors = new LongAdder();

  CacheStats snapshot() {
    return new CacheStats(hits.sum(), misses.sum(), errors.sum());
  }

  <T> T count(java.util.Optional<?> result, T value) {
    (result.isPresent() ? hits : misses).increment();
    return value;
  }
}
