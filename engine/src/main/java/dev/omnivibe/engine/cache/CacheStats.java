package dev.omnivibe.engine.cache;

/**
 * @param errors operations that failed because the backend could not be reached
 */
public record CacheStats(long hits, long misses, long errors) {
  /** Share of lookups that hit; NaN before any. */
  public double hitRate() {
    long all = hits + misses;
    return all == 0 ? Double.NaN : hits / (double) all;
  }
}
