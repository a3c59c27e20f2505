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

  /** Counts a lookup as a hit or a miss and passes its result on. */
  java.util.Optional<byte[]> count(java.util.Optional<byte[]> result) {
    (result.isPresent() ? hits : misses).increment();
    return result;
  }
}
